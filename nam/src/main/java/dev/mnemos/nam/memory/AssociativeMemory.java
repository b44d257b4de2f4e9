package dev.mnemos.nam.memory;

import dev.mnemos.nam.tensor.Nam;
import dev.mnemos.nam.tensor.NamMatrix;
import dev.mnemos.vectors.Vectors;
import dev.mnemos.nam.store.NamFile;
import dev.mnemos.nam.store.Payload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An associative memory of (key text -> value) pairs held in one NAM matrix. Keys are sentence
 * embeddings; values are embeddings of text or arbitrary vectors. A lookup reads the matrix once
 * with the query's embedding, then cleans the read up against the stored values: the answer is
 * the stored value nearest to what was read, with the cosine between them as confidence.
 *
 * <pre>{@code
 * AssociativeMemory memory = AssociativeMemory.builder()
 *         .encoder(Encoder.miniLm()::encode)   // mnemos-embed: all-MiniLM-L6-v2 in process
 *         .build();
 * memory.put("the capital of France", "Paris");
 * memory.put("the largest planet", "Jupiter");
 * memory.get("Which city is France's capital?").map(Recall::text);  // Optional[Paris]
 * }</pre>
 *
 * <p>Writing defaults to the delta rule ({@code p_w = p_e = 1}): putting a key again replaces
 * what it read. {@link Builder#sumWriting()} adds pairs without erasing instead. The matrix has a
 * fixed size ({@code d_v x d_k}); the list of distinct values kept for the clean-up grows with
 * them. Thread-safe (methods are synchronized).
 */
public final class AssociativeMemory {

    private final TextEncoder encoder;
    private final float pw;
    private final float pe;
    private final List<Value> values = new ArrayList<>();
    private final int valueDim;
    private NamMatrix matrix;
    private int pairs;

    private AssociativeMemory(Builder b) {
        this.encoder = Objects.requireNonNull(b.encoder,
                "an encoder is required: AssociativeMemory.builder().encoder(...), e.g. mnemos-embed's Encoder.miniLm()::encode");
        this.pw = b.pw;
        this.pe = b.pe;
        this.valueDim = b.valueDim;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Stores {@code valueText} (as its embedding) under {@code keyText}. */
    public synchronized void put(String keyText, String valueText) {
        Objects.requireNonNull(valueText, "value text");
        put(encode(keyText, "key"), valueText, encoder.encode(valueText));
    }

    /** Stores an arbitrary vector under {@code keyText}. */
    public synchronized void put(String keyText, float[] value) {
        put(encode(keyText, "key"), null, value);
    }

    /** Stores a value vector under a key vector (any non-zero key; it is normalised). */
    public synchronized void put(float[] key, float[] value) {
        put(key, null, value);
    }

    /** The value stored under the key most like {@code queryText}; empty when nothing is stored. */
    public synchronized Optional<Recall> get(String queryText) {
        return get(encode(queryText, "query"));
    }

    /** The value read with a query vector, cleaned up; empty when nothing is stored. */
    public synchronized Optional<Recall> get(float[] query) {
        if (matrix == null) {
            return Optional.empty();
        }
        float[] read = matrix.read(query, 1f);
        Value best = null;
        float bestCos = Float.NEGATIVE_INFINITY;
        for (Value v : values) {
            float c = Vectors.cosine(read, v.raw());
            if (c > bestCos) {
                bestCos = c;
                best = v;
            }
        }
        return Optional.of(new Recall(read, best, bestCos));
    }

    /** How many pairs were put (a key put twice counts twice). */
    public synchronized int pairs() {
        return pairs;
    }

    /** The distinct values kept for the clean-up. */
    public synchronized List<Value> values() {
        return List.copyOf(values);
    }

    /** Bytes in the NAM matrix: {@code 4 d_v d_k}, fixed once the first pair is put. */
    public synchronized long matrixBytes() {
        return matrix == null ? 0 : matrix.bytes();
    }

    /** The file kind of {@link #save}. */
    public static final String FILE_KIND = "associative-memory";

    /**
     * Saves the matrix, the writing probabilities, the pair count and the clean-up values in a
     * versioned, checksummed file, written atomically. The encoder is not saved: load with the same one.
     */
    public synchronized void save(Path file) throws IOException {
        Payload.Writer w = new Payload.Writer();
        w.putFloat(pw).putFloat(pe).putInt(pairs).putInt(valueDim);
        w.putInt(matrix == null ? 0 : matrix.valueDim()).putInt(matrix == null ? 0 : matrix.keyDim());
        if (matrix != null) {
            for (float[] row : matrix.toArrays()) {
                w.putFloats(row);
            }
        }
        w.putInt(values.size());
        for (Value v : values) {
            w.putString(v.text()).putFloats(v.raw());
        }
        NamFile.write(file, FILE_KIND, w.bytes());
    }

    private void restore(Path file) throws IOException {
        Payload.Reader r = new Payload.Reader(file, NamFile.read(file, FILE_KIND));
        float filePw = r.getFloat();
        float filePe = r.getFloat();
        if (filePw != pw || filePe != pe) {
            throw r.bad("written with p_w = " + filePw + ", p_e = " + filePe + ", this memory uses " + pw + ", " + pe);
        }
        pairs = r.getInt();
        if (pairs < 0) {
            throw r.bad("pair count = " + pairs + " is negative");
        }
        r.getInt();
        int dv = r.count(r.getInt(), Integer.BYTES, "value dimension d_v");
        int dk = r.getInt();
        if (dv > 0) {
            r.count(dk, Float.BYTES * dv, "key dimension d_k (with d_v = " + dv + ")");
            if (dk < 1) {
                throw r.bad("key dimension d_k = " + dk + " must be positive");
            }
            float[][] rows = new float[dv][];
            for (int i = 0; i < dv; i++) {
                rows[i] = r.getFloats();
                if (rows[i].length != dk) {
                    throw r.bad("matrix row " + i + " has " + rows[i].length + " values, expected " + dk);
                }
            }
            matrix = NamMatrix.of(rows);
        }
        int n = r.getInt();
        for (int i = 0; i < n; i++) {
            values.add(new Value(r.getString(), r.getFloats()));
        }
        r.end();
    }

    private void put(float[] key, String text, float[] value) {
        // the first put fixes the dimensions, but only once its pair is written: a rejected one leaves the memory empty
        NamMatrix target = matrix != null ? matrix : new NamMatrix(valueDim != 0 ? valueDim : value.length, key.length);
        if (value.length != target.valueDim()) {
            throw new IllegalArgumentException("value has " + value.length + " values, expected "
                    + target.valueDim());
        }
        if (key.length != target.keyDim()) {
            throw new IllegalArgumentException("key has " + key.length + " values, expected " + target.keyDim());
        }
        target.write(key, value, pw, pe);
        matrix = target;
        pairs++;
        for (Value v : values) {
            if (v.sameAs(text, value)) {
                return;
            }
        }
        values.add(new Value(text, value));
    }

    private float[] encode(String text, String what) {
        Objects.requireNonNull(text, what + " text");
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " text is blank");
        }
        return encoder.encode(text);
    }

    public static final class Builder {
        private TextEncoder encoder;
        private float pw = 1f;
        private float pe = 1f;
        private int valueDim;

        private Builder() {
        }

        /** The text encoder for keys, queries and text values (required). */
        public Builder encoder(TextEncoder encoder) {
            this.encoder = Objects.requireNonNull(encoder, "encoder");
            return this;
        }


        /** Dimension of the values; default that of the first value put. */
        public Builder valueDimension(int d) {
            if (d < 1) {
                throw new IllegalArgumentException("value dimension = " + d + " must be positive");
            }
            this.valueDim = d;
            return this;
        }

        /** Write probability p_w and erase probability p_e, each in [0, 1]; default 1 and 1. */
        public Builder writing(float pw, float pe) {
            Nam.requireProbability(pw, "p_w");
            Nam.requireProbability(pe, "p_e");
            this.pw = pw;
            this.pe = pe;
            return this;
        }

        /** The delta rule, {@code M + (v - M k) k^T} (p_w = p_e = 1); the default. */
        public Builder deltaWriting() {
            return writing(1f, 1f);
        }

        /** Plain sums, {@code M + v k^T} (p_w = 1, p_e = 0). */
        public Builder sumWriting() {
            return writing(1f, 0f);
        }

        public AssociativeMemory build() {
            return new AssociativeMemory(this);
        }

        /**
         * A memory with this builder's encoder and writing, holding what {@link AssociativeMemory#save}
         * wrote to {@code file}; a damaged or foreign file, or one written with other writing
         * probabilities, is refused with a one-line {@link dev.mnemos.nam.store.BadFileException}.
         */
        public AssociativeMemory load(Path file) throws IOException {
            AssociativeMemory memory = new AssociativeMemory(this);
            memory.restore(file);
            return memory;
        }
    }
}
