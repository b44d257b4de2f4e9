package dev.mnemos.poem.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class MemoryLockTest {

    @Test
    void theLockFileIsRemovedWhenItsHolderLetsGo(@TempDir Path dir) throws Exception {
        Path memory = dir.resolve("m.poem");
        try (MemoryLock lock = MemoryLock.acquire(memory, "poem train")) {
            assertTrue(Files.exists(MemoryLock.lockFile(memory)));
            assertTrue(Files.readString(MemoryLock.lockFile(memory)).startsWith("poem train, process " + ProcessHandle.current().pid()));
        }
        assertFalse(Files.exists(MemoryLock.lockFile(memory)), "no m.poem.lock left behind");
    }

    @Test
    void aRefusalNamesTheHolderAndLeavesItsLockInPlace(@TempDir Path dir) throws Exception {
        Path memory = dir.resolve("m.poem");
        try (MemoryLock lock = MemoryLock.acquire(memory, "poem train")) {
            MemoryLock.MemoryInUseException e = assertThrows(MemoryLock.MemoryInUseException.class, () -> MemoryLock.acquire(memory, "poem tune"));
            assertEquals(memory + " is in use by poem train, process " + ProcessHandle.current().pid() + " (lock " + memory
                    + ".lock); wait for it to finish, or give another memory file", e.getMessage());
            assertTrue(Files.exists(MemoryLock.lockFile(memory)));
        }
    }

    /**
     * Holders that remove the lock file as they let go race with takers that opened it a moment
     * before: never may two hold it at once (a taker that locked a removed file starts again).
     */
    @Test
    void holdersThatRemoveTheFileNeverLetTwoHoldItAtOnce(@TempDir Path dir) throws Exception {
        Path memory = dir.resolve("m.poem");
        AtomicInteger holding = new AtomicInteger(), most = new AtomicInteger(), held = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        try (MemoryLock lock = MemoryLock.acquire(memory, "taker")) {
                            most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                            Thread.onSpinWait();
                            holding.decrementAndGet();
                            held.incrementAndGet();
                        } catch (MemoryLock.MemoryInUseException busy) {
                            Thread.yield();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, most.get(), "two holders at once");
        assertTrue(held.get() > 0);
        assertFalse(Files.exists(MemoryLock.lockFile(memory)));
    }
}
