package dev.mnemos.runtime.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void aFileHeldByOneRunIsRefusedToAnotherUntilItIsGivenUp() throws Exception {
        Path checkpoint = dir.resolve("run.ckpt");
        RunLock first = RunLock.acquire(checkpoint);
        RunLock.HeldException held = assertThrows(RunLock.HeldException.class, () -> RunLock.acquire(checkpoint));
        assertTrue(held.getMessage().startsWith(checkpoint + " is in use by another run (this process, " + ProcessHandle.current().pid() + ")"), held.getMessage());
        assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(RunLock.lockFileOf(checkpoint)));
        first.close();
        assertFalse(Files.exists(RunLock.lockFileOf(checkpoint)), "the lock file goes with the run");
        try (RunLock again = RunLock.acquire(checkpoint)) {
            assertTrue(Files.exists(RunLock.lockFileOf(checkpoint)));
        }
    }

    @Test
    void aStaleLockFileLeftByAKilledRunIsTakenOver() throws Exception {
        Path checkpoint = dir.resolve("run.ckpt");
        Files.writeString(RunLock.lockFileOf(checkpoint), "999999\n"); // kill -9 leaves the file, never the lock
        try (RunLock lock = RunLock.acquire(checkpoint)) {
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(RunLock.lockFileOf(checkpoint)));
        }
    }
}
