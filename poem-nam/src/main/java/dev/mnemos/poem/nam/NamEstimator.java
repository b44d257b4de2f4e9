package dev.mnemos.poem.nam;

import dev.mnemos.nam.tensor.Nam;
import dev.mnemos.nam.tensor.NamMatrix;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.ActionValueEstimator;
import dev.mnemos.nam.store.NamFile;
import dev.mnemos.nam.store.Payload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * POEM's reward estimate in constant memory: one NAM memory of {@code 1 x d_k} per action, written
 * with the state embedding as key and the reward as value. The estimate of an action for a state
 * is one read, {@code Q(a) = M_a mu(s)}; {@link #best} returns the action with the highest.
 *
 * <pre>{@code
 * NamEstimator nam = NamEstimator.builder().dimension(384).build();
 * Poem poem = Poem.builder().pool(pool).encoder(encoder).estimator(nam).build();
 * }</pre>
 *
 * <p>With the default delta writing at rate p = 0.1 ({@code p_w = p_e = p}) each memory learns a linear
 * map from state to reward by the LMS rule, {@code M += p (r - M s) s^T}; with {@code p_e = 0}
 * it sums {@code r_i s_i^T}, so a read is {@code sum_i r_i cos(s_i, s)} (a kernel estimate without
 * the k-NN search). Memory is {@code 4 d_k} bytes per action tried, whatever the number of
 * episodes. Thread-safe.
 */
public final class NamEstimator implements ActionValueEstimator {

    private final int dimension;
    private final float pw;
    private final float pe;
    private final Map<Permutation, NamMatrix> memories = new LinkedHashMap<>();

    private NamEstimator(Builder b) {
        if (b.dimension < 1) {
            throw new IllegalArgumentException("dimension must be set, got " + b.dimension);
        }
        this.dimension = b.dimension;
        this.pw = b.pw;
        this.pe = b.pe;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized void write(float[] state, Permutation action, double reward) {
        check(state);
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("reward = " + reward + " is not a finite number");
        }
        memories.computeIfAbsent(action, a -> new NamMatrix(1, dimension))
                .write(state, new float[] {(float) reward}, pw, pe);
    }

    @Override
    public synchronized Optional<Permutation> best(float[] state) {
        check(state);
        Permutation best = null;
        float bestValue = Float.NEGATIVE_INFINITY;
        float[] read = new float[1];
        for (Map.Entry<Permutation, NamMatrix> e : memories.entrySet()) {
            e.getValue().read(state, 1f, read);
            if (read[0] > bestValue) {
                bestValue = read[0];
                best = e.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The estimated reward of {@code action} for {@code state}; empty for an action never written. */
    public synchronized Optional<Double> estimate(float[] state, Permutation action) {
        check(state);
        NamMatrix m = memories.get(action);
        return m == null ? Optional.empty() : Optional.of((double) m.read(state, 1f)[0]);
    }

    /** How many actions have a memory. */
    public synchronized int actions() {
        return memories.size();
    }

    /** Bytes in the memory matrices: {@code 4 d_k} per action, whatever the number of episodes. */
    public synchronized long bytes() {
        long sum = 0;
        for (NamMatrix m : memories.values()) {
            sum += m.bytes();
        }
        return sum;
    }

    /** The file kind of {@link #save}. */
    public static final String FILE_KIND = "poem-estimator";

    /** Saves dimension, writing probabilities and every action's memory: versioned, checksummed, atomic. */
    public synchronized void save(Path file) throws IOException {
        Payload.Writer w = new Payload.Writer();
        w.putInt(dimension).putFloat(pw).putFloat(pe).putInt(memories.size());
        for (Map.Entry<Permutation, NamMatrix> e : memories.entrySet()) {
            int[] ranks = e.getKey().ranks();
            w.putInt(ranks.length);
            for (int rank : ranks) {
                w.putInt(rank);
            }
            w.putFloats(e.getValue().toArrays()[0]);
        }
        NamFile.write(file, FILE_KIND, w.bytes());
    }

    /** The estimator {@link #save} wrote; a damaged or foreign file is refused with a one-line message. */
    public static NamEstimator load(Path file) throws IOException {
        Payload.Reader r = new Payload.Reader(file, NamFile.read(file, FILE_KIND));
        NamEstimator out;
        try {
            out = builder().dimension(r.getInt()).writing(r.getFloat(), r.getFloat()).build();
        } catch (IllegalArgumentException e) {
            throw r.bad(e.getMessage());
        }
        int actions = r.getInt();
        for (int a = 0; a < actions; a++) {
            int[] ranks = new int[Math.max(0, Math.min(r.getInt(), Permutation.MAX_SIZE + 1))];
            for (int i = 0; i < ranks.length; i++) {
                ranks[i] = r.getInt();
            }
            float[] row = r.getFloats();
            try {
                Permutation action = Permutation.of(ranks);
                out.check(row);
                out.memories.put(action, NamMatrix.of(new float[][] {row}));
            } catch (IllegalArgumentException e) {
                throw r.bad("action " + a + ": " + e.getMessage());
            }
        }
        r.end();
        return out;
    }

    private void check(float[] state) {
        if (state.length != dimension) {
            throw new IllegalArgumentException("state has " + state.length + " values, expected " + dimension);
        }
    }

    public static final class Builder {
        private int dimension;
        private float pw = 0.1f;
        private float pe = 0.1f;

        private Builder() {
        }

        /** d_k, the length of the state embeddings (384 for all-MiniLM-L6-v2). */
        public Builder dimension(int dimension) {
            this.dimension = dimension;
            return this;
        }

        /** Write and erase probabilities, each in [0, 1]; default 0.1 and 0.1 (the delta rule at rate 0.1). */
        public Builder writing(float pw, float pe) {
            Nam.requireProbability(pw, "p_w");
            Nam.requireProbability(pe, "p_e");
            this.pw = pw;
            this.pe = pe;
            return this;
        }

        public NamEstimator build() {
            return new NamEstimator(this);
        }
    }
}
