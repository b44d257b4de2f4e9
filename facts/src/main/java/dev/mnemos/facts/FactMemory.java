package dev.mnemos.facts;

import dev.mnemos.facts.matrix.Lift;
import dev.mnemos.facts.matrix.LeastSquares;
import dev.mnemos.facts.matrix.TimeCode;
import dev.mnemos.nam.memory.TextEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A fact memory that can be edited and can forget, after Larimar (Das et al. 2024), with reads
 * that hop from fact to fact, after MemReasoner. One matrix of fixed size holds every fact:
 *
 * <ul>
 * <li><b>write</b> a fact: its key's embedding gives an address (a fixed random lift, {@link Lift});
 *     the content {@code [key ; value ; time]} (the two embeddings and the write's temporal code,
 *     {@link TimeCode}) is written there by the least-squares update ({@link LeastSquares}): the
 *     memory stays the least-squares solution for the facts written so far;</li>
 * <li><b>forget</b> a fact: the same update at weight -1, so that it is gone in the least-squares
 *     sense (the memory is what it would be had the fact never been written);</li>
 * <li><b>read</b>: the query's address is read, and the key part of what comes back is read again
 *     ({@link Reading#SETTLING}) so that the query settles on the stored key nearest to it; or
 *     Larimar's pseudo-inverse addressing ({@link Reading#PSEUDO_INVERSE}); the value part is then
 *     cleaned up against the values written (the stored value nearest to it);</li>
 * <li><b>hops</b>: the query rewritten from each read's answer, read again, until it settles (an
 *     answer comes back a second time or reads below {@code minConfidence}) or a hop limit:
 *     "A -> B, B -> C, C -> D" answers a question about A with D.</li>
 * </ul>
 *
 * Facts are ordered: the t-th write carries its time t in its content, and weighs {@code 1 + recency t}
 * in the least-squares sum, so that where two facts compete for one key (an update written
 * without forgetting the old one) the later one is read.
 *
 * <p>What the fixed size costs: the matrix ({@code 8 (K^2 + K (2d + 16))} bytes for K slots) does not
 * grow, so past about K facts they crowd each other and reads blur (measured in facts/README.md);
 * and the memory keeps the distinct values written, as text and embedding, to turn what it reads
 * back into text (Larimar decodes with its language model instead). Thread-safe (synchronized).
 *
 * <pre>{@code
 * FactMemory memory = FactMemory.builder().encoder(Encoder.miniLm()::encode).slots(1024).build();
 * memory.write(Fact.of("Ada Moss lives in", "Lisbon"));
 * memory.read("Which city does Ada Moss live in?");          // Optional[Recall[value=Lisbon, ...]]
 * memory.forget(Fact.of("Ada Moss lives in", "Lisbon"));     // true: it was there, and is gone
 * }</pre>
 */
public final class FactMemory {

    /** Dimensions of the temporal code. */
    static final int TIME_DIMS = 32;
    /** The most slots: {@code K^2} doubles must fit in one Java array. */
    static final int MAX_SLOTS = 46_340;
    /** The pseudo-inverse read's own ridge. */
    static final double PSEUDO_INVERSE_EPS = 1e-3;

    final TextEncoder encoder;
    final Settings settings;
    final List<String> valueTexts = new ArrayList<>();
    final List<double[]> valueVectors = new ArrayList<>();
    private final Map<String, Integer> valueIndex = new HashMap<>();
    private final TimeCode time = new TimeCode(TIME_DIMS);
    Lift lift;
    LeastSquares matrix;
    int dimension;
    long clock;
    long live;

    FactMemory(TextEncoder encoder, Settings settings) {
        this.encoder = Objects.requireNonNull(encoder,
                "an encoder is required: FactMemory.builder().encoder(...), e.g. mnemos-embed's Encoder.miniLm()::encode");
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Writes {@code fact} (a second write of the same fact counts twice, as in any least-squares sum). */
    public synchronized void write(Fact fact) {
        double[] key = unit(encoder.encode(fact.key()), "key");
        double[] value = unit(encoder.encode(fact.value()), "value");
        start(key.length);
        if (value.length != dimension) {
            throw new IllegalArgumentException("value has " + value.length + " values, expected " + dimension);
        }
        matrix.update(lift.address(centred(key)), content(key, value, clock), weight(clock));
        clock++;
        live++;
        remember(fact.value(), value);
    }

    public void write(String key, String value) {
        write(Fact.of(key, value));
    }

    /**
     * Takes {@code fact} out of the memory: the least-squares update at weight -1, with the time the
     * memory read for it. Refused (false, nothing changed) when the memory does not hold it: the
     * value read at its key is not this value.
     */
    public synchronized boolean forget(Fact fact) {
        if (matrix == null) {
            return false;
        }
        double[] key = unit(encoder.encode(fact.key()), "key");
        double[] value = unit(encoder.encode(fact.value()), "value");
        double[] address = lift.address(centred(key));
        double[] read = new double[matrix.width()];
        matrix.read(address, read);
        Integer index = valueIndex.get(fact.value());
        if (index == null || nearestValue(read) != index) {
            return false;
        }
        long t = time.decode(read, 2 * dimension, clock);
        if (!matrix.update(address, content(key, value, t), -weight(t))) {
            return false;
        }
        live--;
        return true;
    }

    /** The value the memory holds for the key nearest {@code query}; empty when it holds no fact. */
    public synchronized Optional<Recall> read(String query) {
        if (matrix == null || live == 0) {
            return Optional.empty();
        }
        double[] q = unit(encoder.encode(Objects.requireNonNull(query, "query")), "query");
        if (q.length != dimension) {
            throw new IllegalArgumentException("query has " + q.length + " values, expected " + dimension);
        }
        double[] read = settings.reading == Reading.SETTLING ? settled(centred(q)) : pseudoInverse(q);
        int best = nearestValue(read);
        return Optional.of(new Recall(valueTexts.get(best), cosine(read, dimension, valueVectors.get(best)),
                time.decode(read, 2 * dimension, clock)));
    }

    /**
     * Reads {@code query}, then {@code next.apply(answer)}, and so on: at most {@code maxHops} reads,
     * stopping early when an answer comes back that was given before (the chain settled) or a read's
     * confidence is below {@code minConfidence}. Every read is in the list, the last one the answer.
     */
    public synchronized List<Recall> hops(String query, UnaryOperator<String> next, int maxHops) {
        if (maxHops < 1) {
            throw new IllegalArgumentException("maxHops = " + maxHops + " must be at least 1");
        }
        List<Recall> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String q = query;
        for (int hop = 0; hop < maxHops; hop++) {
            Optional<Recall> r = read(q);
            if (r.isEmpty() || r.get().confidence() < settings.minConfidence || !seen.add(r.get().value())) {
                break;
            }
            chain.add(r.get());
            q = next.apply(r.get().value());
        }
        return chain;
    }

    /** Facts written and not forgotten. */
    public synchronized long facts() {
        return live;
    }

    /** Writes so far (the next write's time). */
    public synchronized long writes() {
        return clock;
    }

    /** Bytes of the matrix and the address directions: fixed once the first fact is written. */
    public synchronized long matrixBytes() {
        return matrix == null ? 0 : matrix.bytes() + lift.bytes();
    }

    /** Bytes of the values kept to turn a read into text (texts as UTF-16, embeddings as doubles). */
    public synchronized long valueBytes() {
        long bytes = 0;
        for (int i = 0; i < valueTexts.size(); i++) {
            bytes += 2L * valueTexts.get(i).length() + 8L * valueVectors.get(i).length;
        }
        return bytes;
    }

    /** Saves the memory (matrix, settings, time, values) in a checksummed nam file, atomically. */
    public synchronized void save(Path file) throws IOException {
        FactFile.save(file, this);
    }

    private double[] settled(double[] q) {
        double[] read = new double[matrix.width()];
        double[] key = q;
        for (int i = 0; i <= settings.settle; i++) {
            matrix.read(lift.address(key), read);
            if (i < settings.settle) {
                double[] completed = unitPart(read, 0, dimension);
                if (completed == null) {
                    break;
                }
                key = centred(completed);
            }
        }
        return read;
    }

    private double[] pseudoInverse(double[] q) {
        double[] read = new double[matrix.width()];
        matrix.read(matrix.pseudoInverseAddress(q, 0, PSEUDO_INVERSE_EPS), read);
        return read;
    }

    /** Builds the matrix on the first write, when the encoder's dimension is known. */
    void start(int d) {
        if (matrix == null) {
            dimension = d;
            lift = new Lift(d, settings.slots, settings.threshold, settings.seed);
            matrix = new LeastSquares(settings.slots, 2 * d + TIME_DIMS, settings.ridge);
            if (settings.centre != null && settings.centre.length != d) {
                throw new IllegalArgumentException("centre has " + settings.centre.length + " values, the encoder " + d);
            }
        } else if (d != dimension) {
            throw new IllegalArgumentException("key has " + d + " values, expected " + dimension);
        }
    }

    private double[] content(double[] key, double[] value, long t) {
        double[] c = new double[2 * dimension + TIME_DIMS];
        System.arraycopy(key, 0, c, 0, dimension);
        System.arraycopy(value, 0, c, dimension, dimension);
        time.encode(t, c, 2 * dimension);
        return c;
    }

    private double weight(long t) {
        return 1 + settings.recency * t;
    }

    private double[] centred(double[] key) {
        if (settings.centre == null) {
            return key;
        }
        double[] k = new double[key.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = key[i] - settings.centre[i];
        }
        double[] u = unitPart(k, 0, k.length);
        return u != null ? u : key;
    }

    void remember(String text, double[] vector) {
        if (!valueIndex.containsKey(text)) {
            valueIndex.put(text, valueTexts.size());
            valueTexts.add(text);
            valueVectors.add(vector);
        }
    }

    private int nearestValue(double[] read) {
        int best = 0;
        double bestCos = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < valueVectors.size(); i++) {
            double c = cosine(read, dimension, valueVectors.get(i));
            if (c > bestCos) {
                bestCos = c;
                best = i;
            }
        }
        return best;
    }

    /** The cosine between {@code read[from .. from + v.length)} and the unit vector {@code v}. */
    private static double cosine(double[] read, int from, double[] v) {
        double dot = 0;
        double ss = 0;
        for (int i = 0; i < v.length; i++) {
            dot += read[from + i] * v[i];
            ss += read[from + i] * read[from + i];
        }
        return ss == 0 ? 0 : dot / Math.sqrt(ss);
    }

    private static double[] unitPart(double[] x, int from, int n) {
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += x[from + i] * x[from + i];
        }
        if (!(ss > 0) || !Double.isFinite(ss)) {
            return null;
        }
        double norm = Math.sqrt(ss);
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = x[from + i] / norm;
        }
        return u;
    }

    private static double[] unit(float[] v, String what) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        double[] u = unitPart(d, 0, d.length);
        if (u == null) {
            throw new IllegalArgumentException("the " + what + "'s embedding is zero or not finite");
        }
        return u;
    }

    /** What a memory is made with, besides its encoder; saved with it. */
    record Settings(int slots, double threshold, double ridge, long seed, Reading reading, int settle, double recency,
            double minConfidence, double[] centre) {
    }

    /** Settings of a new memory; every one has a default. */
    public static final class Builder {
        private TextEncoder encoder;
        private int slots = 1024;
        private double threshold = 0.5;
        private double ridge = 0.1;
        private long seed = 42;
        private Reading reading = Reading.SETTLING;
        private int settle = 2;
        private double recency = 1e-4;
        private double minConfidence = 0;
        private double[] centre;

        private Builder() {
        }

        /** The text encoder for keys, values and queries (required); e.g. mnemos-embed's {@code Encoder.miniLm()::encode}. */
        public Builder encoder(TextEncoder encoder) {
            this.encoder = Objects.requireNonNull(encoder, "encoder");
            return this;
        }

        /** K, the length of an address: the memory holds about this many facts well. Default 1024; at most 46,340. */
        public Builder slots(int k) {
            if (k < 1 || k > MAX_SLOTS) {
                throw new IllegalArgumentException("slots = " + k + " must be 1 to " + MAX_SLOTS + " (K^2 values in one array)");
            }
            this.slots = k;
            return this;
        }

        /** The lift's threshold: higher gives sparser, sharper addresses. Default 0.5. */
        public Builder threshold(double t) {
            this.threshold = finite(t, "threshold");
            return this;
        }

        /** The least-squares prior's weight: larger reads new queries more smoothly. Default 0.1. */
        public Builder ridge(double r) {
            if (!(r > 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("ridge = " + r + " must be positive");
            }
            this.ridge = r;
            return this;
        }

        /** Seed of the address directions. Default 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How reads address the memory. Default {@link Reading#SETTLING}. */
        public Builder reading(Reading reading) {
            this.reading = Objects.requireNonNull(reading, "reading");
            return this;
        }

        /** How many times a settling read completes its query before it reads the value. Default 2. */
        public Builder settle(int times) {
            if (times < 0) {
                throw new IllegalArgumentException("settle = " + times + " must be 0 or more");
            }
            this.settle = times;
            return this;
        }

        /** How much more each write weighs than the one before (weight {@code 1 + recency t}); 0 for none. Default 1e-4. */
        public Builder recency(double r) {
            if (!(r >= 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("recency = " + r + " must be 0 or more");
            }
            this.recency = r;
            return this;
        }

        /** A hop whose read is less sure than this ends a chain. Default 0 (only a repeated answer ends it early). */
        public Builder minConfidence(double c) {
            this.minConfidence = finite(c, "minConfidence");
            return this;
        }

        /** A vector subtracted from every key and query before its address is taken (e.g. the mean key); default none. */
        public Builder centre(float[] mean) {
            this.centre = new double[mean.length];
            for (int i = 0; i < mean.length; i++) {
                centre[i] = finite(mean[i], "centre[" + i + "]");
            }
            return this;
        }

        public FactMemory build() {
            return new FactMemory(encoder, settings());
        }

        Settings settings() {
            return new Settings(slots, threshold, ridge, seed, reading, settle, recency, minConfidence, centre);
        }

        /** The memory {@link FactMemory#save} wrote to {@code file}, read with this builder's encoder (its other settings are the file's). */
        public FactMemory load(Path file) throws IOException {
            return FactFile.load(file, Objects.requireNonNull(encoder, "an encoder is required to load a fact memory"));
        }

        private static double finite(double v, String name) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " = " + v + " must be finite");
            }
            return v;
        }
    }
}
