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
 * work. The operating system drops the lock when its process dies, so a crash leaves no stale lock;
 * the small {@code .lock} file may stay and is harmless.
 */
public final class MemoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private MemoryLock(FileChannel channel, FileLock lock) {
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
     * @throws IOException when the lock file cannot be made (e.g. the directory is not writable)
     */
    public static MemoryLock acquire(Path memory, String what) throws IOException {
        Path file = lockFile(memory);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new MemoryInUseException(memory + " is in use by " + (holder.isEmpty() ? "another process" : holder)
                        + " (lock " + file + "); wait for it to finish, or give another memory file");
            }
            byte[] me = (what + ", process " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me), 0);
            channel.force(false);
            return new MemoryLock(channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) channel.close();
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw e;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(200);
        channel.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** The memory file is locked by another process or holder. */
    public static final class MemoryInUseException extends DataException {
        public MemoryInUseException(String message) {
            super(message);
        }
    }
}
