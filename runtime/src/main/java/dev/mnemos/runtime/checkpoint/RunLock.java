package dev.mnemos.runtime.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive claim on a run's file (its checkpoint, its trace) for as long as the run goes on,
 * so that two processes never write one run: a lock on {@code FILE.lock} beside it, which holds
 * the owner's process id. The operating system releases the lock when the process dies, even by
 * {@code kill -9}; a stale lock file is simply taken over.
 *
 * <pre>{@code
 * try (RunLock lock = RunLock.acquire(Path.of("run.ckpt"))) { ... the run ... }
 * }</pre>
 */
public final class RunLock implements AutoCloseable {

    /** Lock files this JVM holds: another channel on one of them must not even be opened and closed (that would drop the lock). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path lockFile, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** Another process (or this one) holds the file; the message names it and the holder. */
    public static final class HeldException extends IOException implements dev.mnemos.io.Fault {
        public HeldException(String message) {
            super(message);
        }

        /** The file cannot be written now: {@link Kind#IO_ERROR}. */
        @Override
        public Kind fault() {
            return Kind.IO_ERROR;
        }
    }

    /** The lock file that guards {@code file}. */
    public static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * Claims {@code file}, or fails at once.
     *
     * @throws HeldException when another run holds it
     * @throws IOException   when the lock file cannot be written
     */
    public static RunLock acquire(Path file) throws IOException {
        Path lockFile = lockFileOf(file).toAbsolutePath().normalize();
        if (!HELD.add(lockFile)) {
            throw new HeldException(file + " is in use by another run (this process, " + ProcessHandle.current().pid() + "); wait for it to end, or give this run its own file");
        }
        RunLock lock = null;
        try {
            lock = claim(file, lockFile);
        } finally {
            if (lock == null) HELD.remove(lockFile);
        }
        if (lock == null) throw new HeldException(file + ": cannot claim " + lockFile + " (it keeps changing under us)");
        return lock;
    }

    private static RunLock claim(Path file, Path lockFile) throws IOException {
        for (int attempt = 0; attempt < 5; attempt++) {
            Object before = fileKey(lockFile);
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(ch);
                ch.close();
                throw new HeldException(file + " is in use by another run (" + holder + "); wait for it to end, or give this run its own file");
            }
            // the path must still name the file we locked: its owner deletes it when it ends. (Compared by
            // file key, not by reading it: closing any other descriptor of the file would drop our lock.)
            if (before != null && before.equals(fileKey(lockFile))) {
                ch.truncate(0);
                ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                return new RunLock(lockFile, ch, lock);
            }
            lock.release();
            ch.close();
        }
        return null;
    }

    private static Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(128);
        ch.read(b, 0);
        String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim();
        String pid = text.isEmpty() ? "" : text.split(" ")[0];
        return pid.matches("[0-9]+") ? "process " + pid : "another process";
    }

    /** Gives the file up: the lock file is removed while still held, then released. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(lockFile);
        } finally {
            lock.release();
            channel.close();
            HELD.remove(lockFile);
        }
    }
}
