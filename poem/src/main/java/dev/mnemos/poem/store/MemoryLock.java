package dev.mnemos.poem.store;

import dev.mnemos.poem.data.DataException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per memory file: an exclusive lock on {@code FILE.lock} beside it, held while a
 * command trains or tunes the memory. A second process (or a second holder in this one) is refused
 * at once with a message naming the file and the holder's process id, instead of doubling the
 * work. The operating system drops the lock when its process dies, so a crash leaves no stale lock
 * (only the small {@code .lock} file, which the next holder takes over).
 *
 * <p>{@link #close} removes the lock file, while it still holds the lock. A process that opened the
 * file just before and takes its lock just after then holds the lock of a file no longer there, so
 * every holder checks, once it has the lock, that the path still names the very file it locked
 * (the holder line it wrote, with a token of its own, reads back through the path); if not, it
 * starts again. At no moment do two processes both believe they hold the lock of one path.
 */
public final class MemoryLock implements AutoCloseable {

    /** Attempts to take a lock file that another holder removed meanwhile, before giving up. */
    private static final int ATTEMPTS = 100;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private MemoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a memory file. */
    public static Path lockFile(Path memory) {
        return memory.resolveSibling(memory.getFileName() + ".lock");
    }

    /**
     * Takes the memory's lock, or fails at once.
     *
     * @param what what takes it, e.g. "poem train", for the other holder's refusal message
     * @throws MemoryInUseException when another process or holder has it
     * @throws java.io.UncheckedIOException when the lock file cannot be made (e.g. the directory is not writable)
     */
    public static MemoryLock acquire(Path memory, String what) throws IOException {
        Path file = lockFile(memory);
        String holder = what + ", process " + ProcessHandle.current().pid();
        for (int attempt = 1; ; attempt++) {
            MemoryLock taken = tryAcquire(memory, file, holder);
            if (taken != null) return taken;
            if (attempt == ATTEMPTS) throw new IOException(file + " was removed under this process " + ATTEMPTS + " times");
        }
    }

    /** The lock, or null when the file locked turned out to be one another holder had removed. */
    private static MemoryLock tryAcquire(Path memory, Path file, String holder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) { // not the memory's fault: where it is cannot be written
            String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
            throw new java.io.UncheckedIOException("cannot write " + file + " (" + why + ")", e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String other = holder(channel);
                throw new MemoryInUseException(memory + " is in use by " + (other.isEmpty() ? "another process" : other)
                        + " (lock " + file + "); wait for it to finish, or give another memory file");
            }
            byte[] line = (holder + "\n" + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(line), 0);
            channel.force(false);
            if (!stillNamed(file, line)) {
                channel.close(); // releases the lock of the removed file
                return null;
            }
            return new MemoryLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Whether the path still names the file that holds {@code line}, the line this holder wrote. */
    private static boolean stillNamed(Path file, byte[] line) throws IOException {
        try {
            return java.util.Arrays.equals(java.nio.file.Files.readAllBytes(file), line);
        } catch (java.nio.file.NoSuchFileException removed) {
            return false;
        }
    }

    /** The first line of the lock file: what holds it and its process id. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(200);
        channel.read(b, 0);
        String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the first failure is the one to report
        }
    }

    /** Removes the lock file while still holding its lock, then lets go of the lock. */
    @Override
    public void close() throws IOException {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** The memory file is locked by another process or holder. */
    public static final class MemoryInUseException extends DataException {
        public MemoryInUseException(String message) {
            super(message);
        }
    }
}
