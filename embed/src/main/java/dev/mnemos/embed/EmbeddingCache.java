package dev.mnemos.embed;

import dev.mnemos.io.FormatException;
import dev.mnemos.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Embeddings already computed, keyed by model and text (a SHA-256 of both), optionally kept in a
 * file. POEM keeps the pool's embeddings beside the memory so a second run does not recompute them.
 * Thread-safe.
 */
public final class EmbeddingCache {

    private static final byte[] MAGIC = "MNEMOS-POEM-EMBEDDINGS".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private final Path file;
    private final int capacity;
    private final Map<Key, float[]> entries = new ConcurrentHashMap<>();
    private volatile boolean dirty;

    private EmbeddingCache(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
    }

    /** A cache that lives only in memory. */
    public static EmbeddingCache inMemory() {
        return new EmbeddingCache(null, Integer.MAX_VALUE);
    }

    /**
     * A cache that lives only in memory and keeps at most {@code capacity} embeddings: once full, a
     * text not in it is embedded each time it comes, and what it holds stays (the example pool,
     * embedded first). For a server whose queries never repeat, where an unbounded cache would
     * grow with every query.
     */
    public static EmbeddingCache inMemory(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("the cache's capacity must be at least 0, got " + capacity);
        return new EmbeddingCache(null, capacity);
    }

    /**
     * A cache backed by a file; loads it when it exists. A file that is not an embedding cache,
     * or is damaged, raises {@link FormatException} rather than being silently ignored.
     */
    public static EmbeddingCache open(Path file) throws IOException {
        EmbeddingCache cache = new EmbeddingCache(file, Integer.MAX_VALUE);
        if (Files.exists(file)) cache.load();
        return cache;
    }

    /** The file beside a memory file where its pool embeddings are kept. */
    public static Path besideMemory(Path memoryFile) {
        return memoryFile.resolveSibling(memoryFile.getFileName() + ".embeddings");
    }

    public float[] get(String modelId, String text) {
        float[] v = entries.get(Key.of(modelId, text));
        return v == null ? null : v.clone();
    }

    public void put(String modelId, String text, float[] embedding) {
        Key key = Key.of(modelId, text);
        if (entries.size() >= capacity && !entries.containsKey(key)) return;
        if (entries.put(key, embedding.clone()) == null) dirty = true;
    }

    public int size() {
        return entries.size();
    }

    /** Writes the file (atomically) when there is one and something new was added. */
    public synchronized void save() throws IOException {
        if (file == null || !dirty) return;
        dirty = false; // a put from here on makes the cache dirty again, so the next save writes it
        Map<Key, float[]> snapshot = new HashMap<>(entries); // the count written must be the entries written
        try {
            AtomicFiles.write(file, raw -> {
                CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), new CRC32());
                DataOutputStream out = new DataOutputStream(checked);
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(snapshot.size());
                for (Map.Entry<Key, float[]> e : snapshot.entrySet()) {
                    out.write(e.getKey().digest);
                    float[] v = e.getValue();
                    out.writeInt(v.length);
                    for (float x : v) out.writeFloat(x);
                }
                out.flush();
                out.writeLong(checked.getChecksum().getValue());
                out.flush();
            });
        } catch (IOException | RuntimeException e) {
            dirty = true;
            throw e;
        }
    }

    private void load() throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new FormatException(file + ": not a POEM embedding cache");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new FormatException(file + ": embedding cache format version " + version + ", this build reads " + VERSION);
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                byte[] digest = new byte[32];
                in.readFully(digest);
                int dim = in.readInt();
                if (dim < 0 || dim > 1 << 16) throw new FormatException(file + ": damaged (dimension " + dim + ")");
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) v[j] = in.readFloat();
                entries.put(new Key(digest), v);
            }
            long expected = checked.getChecksum().getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected) throw new FormatException(file + ": damaged (checksum mismatch)");
        } catch (EOFException e) {
            throw new FormatException(file + ": damaged (ends early)");
        }
    }

    private record Key(byte[] digest) {
        static Key of(String modelId, String text) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(modelId.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                return new Key(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(digest, k.digest);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(digest);
        }
    }
}
