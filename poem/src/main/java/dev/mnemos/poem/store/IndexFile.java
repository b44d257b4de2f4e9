package dev.mnemos.poem.store;

import dev.mnemos.io.AtomicFiles;
import dev.mnemos.poem.memory.SavedIndex;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The graph index of a large memory, saved beside its memory file ({@code reviews.poem.index} for
 * {@code reviews.poem}) so that loading does not build the graph again.
 *
 * <pre>
 * "MNEMOS-POEM-INDEX"  magic, 17 bytes
 * int                  format version (1)
 * long, long           the memory file's CRC-32 and length: the memory this graph belongs to
 * ...                  the index, in its own format ({@link SavedIndex}: the graph's nodes and JVector's graph)
 * long                 CRC-32 of everything before it
 * </pre>
 *
 * It is only an index: one that is missing, of another version, damaged, or written for another
 * state of the memory file is ignored with a one-line note, and the graph is built again.
 */
final class IndexFile {

    static final int VERSION = 1;
    private static final byte[] MAGIC = "MNEMOS-POEM-INDEX".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 4 + 8 + 8;

    private IndexFile() {}

    static Path beside(Path memoryFile) {
        return memoryFile.resolveSibling(memoryFile.getFileName() + ".index");
    }

    /** Writes the graph for the memory file whose checksum and length are given (temporary file, then rename). */
    static void save(Path memoryFile, long memoryChecksum, long memoryLength, SavedIndex graph) throws IOException {
        AtomicFiles.write(beside(memoryFile), raw -> {
            CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(memoryChecksum);
            out.writeLong(memoryLength);
            out.write(graph.bytes());
            out.flush();
            out.writeLong(checked.getChecksum().getValue());
            out.flush();
        });
    }

    /** A memory without a graph leaves no index behind: one from an earlier save would only be ignored. */
    static void remove(Path memoryFile) throws IOException {
        Files.deleteIfExists(beside(memoryFile));
    }

    /**
     * The graph saved for the memory file with this checksum and length; empty, with a note,
     * when there is an index file that cannot be used, and empty without one when there is none.
     */
    static Optional<SavedIndex> load(Path memoryFile, long memoryChecksum, long memoryLength, Consumer<String> note) {
        Path file = beside(memoryFile);
        if (!Files.exists(file)) return Optional.empty();
        try {
            return Optional.of(read(file, memoryChecksum, memoryLength));
        } catch (IOException | OutOfMemoryError e) {
            note.accept(file + ": graph index ignored (" + e.getMessage() + "); building it again");
            return Optional.empty();
        }
    }

    private static SavedIndex read(Path file, long memoryChecksum, long memoryLength) throws IOException {
        long size = Files.size(file);
        if (size < HEADER + 8 || size > Integer.MAX_VALUE - 16) throw new IOException("damaged: " + size + " bytes");
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 8);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) throw new IOException("damaged: checksum mismatch");
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        if (!Arrays.equals(magic, MAGIC)) throw new IOException("not a POEM graph index");
        int version = in.getInt();
        if (version != VERSION) throw new IOException("format version " + version + ", this build reads " + VERSION);
        if (in.getLong() != memoryChecksum || in.getLong() != memoryLength) {
            throw new IOException("stale: written for another version of " + file.getFileName().toString().replaceFirst("\\.index$", ""));
        }
        byte[] index = new byte[in.remaining()];
        in.get(index);
        return new SavedIndex(index);
    }
}
