package dev.mnemos.llama;

import dev.mnemos.runtime.model.ModelException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The header of a GGUF file, read before llama.cpp sees the file: its magic, its version and the
 * {@code general.architecture} value, so that a file that is not GGUF, or a model the engine cannot
 * run, is refused with a one-line message instead of a native failure.
 */
public final class GgufFile {

    /** "GGUF" as the first four bytes, little-endian. */
    private static final int MAGIC = 0x46554747;
    private static final int STRING = 8;
    private static final int ARRAY = 9;
    /** Keys looked at before giving up on finding the architecture (it is the first key llama.cpp writes). */
    private static final int MAX_KEYS = 4096;
    private static final long MAX_KEY_LENGTH = 65_536;

    private GgufFile() {}

    /**
     * The architecture the file declares, checked to be one the engine knows.
     *
     * @throws ModelException MODEL_NOT_FOUND for a missing file, BAD_FILE for one that is
     *                        not GGUF, holds no architecture, or one the engine does not run
     */
    public static String checkedArchitecture(Path file) throws ModelException {
        String architecture = architecture(file);
        if (!Architectures.known(architecture)) {
            throw bad(file, "architecture '" + architecture + "' is not one that " + Architectures.ENGINE
                    + " runs (it runs " + Architectures.list() + ")");
        }
        return architecture;
    }

    /** The {@code general.architecture} of a GGUF file. */
    public static String architecture(Path file) throws ModelException {
        if (!Files.isRegularFile(file)) {
            throw new ModelException(ModelException.Kind.MODEL_NOT_FOUND, file + ": no such model file"
                    + (Files.isDirectory(file) ? " (it is a directory)" : ""));
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(new Reader(channel), file);
        } catch (EOFException e) {
            throw bad(file, "not a GGUF file (it ends inside its header)");
        } catch (NoSuchFileException e) {
            throw new ModelException(ModelException.Kind.MODEL_NOT_FOUND, file + ": no such model file", e);
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage());
        }
    }

    private static String read(Reader in, Path file) throws IOException, ModelException {
        if (in.channel.size() < 8 || in.int32() != MAGIC) {
            throw bad(file, "not a GGUF file (llama.cpp runs GGUF files only; they start with the bytes GGUF)");
        }
        int version = in.int32();
        if (version < 2 || version > 3) throw bad(file, "GGUF version " + Integer.toUnsignedString(version) + " is not one llama.cpp reads (2 or 3)");
        in.int64(); // tensor count
        long keys = in.int64();
        for (long k = 0; k < Math.min(keys, MAX_KEYS); k++) {
            String key = in.string(MAX_KEY_LENGTH);
            int type = in.int32();
            if (key.equals("general.architecture") && type == STRING) return in.string(MAX_KEY_LENGTH);
            in.skipValue(type);
        }
        throw bad(file, "its GGUF header names no general.architecture");
    }

    static ModelException bad(Path file, String what) {
        return new ModelException(ModelException.Kind.BAD_FILE, file + ": " + what);
    }

    /** Little-endian reads from a file channel, with skips that seek instead of reading. */
    private static final class Reader {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        Reader(FileChannel channel) {
            this.channel = channel;
        }

        int int32() throws IOException {
            return fill(4).getInt();
        }

        long int64() throws IOException {
            return fill(8).getLong();
        }

        String string(long max) throws IOException {
            long length = int64();
            if (length < 0 || length > max) throw new IOException("a string of " + length + " bytes in the header");
            ByteBuffer bytes = ByteBuffer.allocate((int) length);
            while (bytes.hasRemaining()) {
                if (channel.read(bytes) < 0) throw new EOFException();
            }
            return new String(bytes.array(), StandardCharsets.UTF_8);
        }

        void skipValue(int type) throws IOException {
            if (type == STRING) {
                skip(int64());
            } else if (type == ARRAY) {
                int itemType = int32();
                long count = int64();
                if (itemType == STRING) {
                    for (long i = 0; i < count; i++) skip(int64());
                } else {
                    skip(Math.multiplyExact(count, size(itemType)));
                }
            } else {
                skip(size(type));
            }
        }

        private static long size(int type) throws IOException {
            return switch (type) {
                case 0, 1, 7 -> 1;
                case 2, 3 -> 2;
                case 4, 5, 6 -> 4;
                case 10, 11, 12 -> 8;
                default -> throw new IOException("unknown GGUF value type " + type);
            };
        }

        private void skip(long bytes) throws IOException {
            if (bytes < 0) throw new IOException("a negative length in the header");
            long to = channel.position() + bytes;
            if (to > channel.size()) throw new EOFException();
            channel.position(to);
        }

        private ByteBuffer fill(int n) throws IOException {
            buffer.clear().limit(n);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) throw new EOFException();
            }
            return buffer.flip();
        }
    }
}
