package dev.mnemos.nam.tensor;

import dev.mnemos.vectors.Vectors;
import java.util.Arrays;

/**
 * A NAM memory {@code M} of {@code d_v x d_k} floats with fast, allocation-free read and write.
 * Keys and queries are normalised to unit length before use, as in {@link Nam}.
 *
 * <pre>{@code
 * NamMatrix m = new NamMatrix(384, 384);
 * m.write(key, value, 1f, 1f);          // delta rule
 * float[] v = m.read(key, 1f);           // == value, whatever m held before
 * }</pre>
 *
 * <p>Each write is one pass over the rows: for row {@code i} it computes {@code (M k)_i} and
 * updates the row straight away, while the row is still in cache; {@link #writeRead} also reads in
 * that same pass. Each call costs {@code O(d_k d_v)} time whatever the number of pairs written;
 * the memory never grows. The loops run on SIMD lanes when the JVM has
 * {@code --add-modules jdk.incubator.vector} (bin/nam and the benchmarks pass it), otherwise as
 * plain scalar Java; {@link #kernel()} says which. Not thread-safe.
 */
public final class NamMatrix {

    private final int dv;
    private final int dk;
    private final float[] m;
    private final float[] unitKey;
    private final float[] unitQuery;
    private final Kernel kernel;

    private static final Kernel BEST = Kernel.best();

    /** A zero memory with values of {@code dv} and keys of {@code dk} dimensions. */
    public NamMatrix(int dv, int dk) {
        this(dv, dk, BEST);
    }

    NamMatrix(int dv, int dk, Kernel kernel) {
        Nam.requirePositive(dv, "d_v");
        Nam.requirePositive(dk, "d_k");
        this.dv = dv;
        this.dk = dk;
        this.m = new float[Math.multiplyExact(dv, dk)];
        this.unitKey = new float[dk];
        this.unitQuery = new float[dk];
        this.kernel = kernel;
    }

    /** Which loops this JVM runs: "scalar" or "vector (n lanes)". */
    public static String kernel() {
        return BEST.name();
    }

    /** A memory holding a copy of {@code rows} ({@code d_v} rows of {@code d_k} values). */
    public static NamMatrix of(float[][] rows) {
        return of(rows, BEST);
    }

    static NamMatrix of(float[][] rows, Kernel kernel) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("memory has no rows");
        }
        NamMatrix out = new NamMatrix(rows.length, rows[0].length, kernel);
        for (int i = 0; i < rows.length; i++) {
            Vectors.requireLength(rows[i], out.dk, "row " + i);
            System.arraycopy(rows[i], 0, out.m, i * out.dk, out.dk);
        }
        return out;
    }

    public int valueDim() {
        return dv;
    }

    public int keyDim() {
        return dk;
    }

    /** Bytes held by the matrix itself: {@code 4 d_v d_k}, whatever was written. */
    public long bytes() {
        return 4L * m.length;
    }

    /** {@code M[i][j]}. */
    public float get(int i, int j) {
        return m[i * dk + j];
    }

    /** A copy as {@code d_v} rows of {@code d_k} values. */
    public float[][] toArrays() {
        float[][] out = new float[dv][];
        for (int i = 0; i < dv; i++) {
            out[i] = Arrays.copyOfRange(m, i * dk, (i + 1) * dk);
        }
        return out;
    }

    public NamMatrix copy() {
        NamMatrix out = new NamMatrix(dv, dk, kernel);
        System.arraycopy(m, 0, out.m, 0, m.length);
        return out;
    }

    /** Forgets everything: {@code M = 0}. */
    public void clear() {
        Arrays.fill(m, 0f);
    }

    /** {@code RD(M, q, pr) = pr * M mu(q)} as a new array. */
    public float[] read(float[] q, float pr) {
        float[] out = new float[dv];
        read(q, pr, out);
        return out;
    }

    /** {@code RD(M, q, pr)} into {@code out} (length {@code d_v}). */
    public void read(float[] q, float pr, float[] out) {
        Nam.requireProbability(pr, "p_r");
        Vectors.requireLength(q, dk, "query");
        Vectors.requireLength(out, dv, "out");
        Vectors.unit(q, unitQuery);
        kernel.read(m, dv, dk, unitQuery, pr, out);
    }

    /** {@code M = WR(M, k, v, pw, pe) = M + pw v mu(k)^T - pe (M mu(k)) mu(k)^T}. */
    public void write(float[] k, float[] v, float pw, float pe) {
        Nam.requireProbability(pw, "p_w");
        Nam.requireProbability(pe, "p_e");
        Vectors.requireLength(k, dk, "key");
        Vectors.requireLength(v, dv, "value");
        Vectors.unit(k, unitKey);
        kernel.write(m, dv, dk, unitKey, v, pw, pe);
    }

    /**
     * {@code M = WR(M, k, v, pw, pe)} and then {@code RD(M, q, pr)} into {@code out}, in one pass
     * over the matrix (as an LSAM step does). Same result as {@link #write} then {@link #read}.
     */
    public void writeRead(float[] k, float[] v, float pw, float pe, float[] q, float pr, float[] out) {
        Nam.requireProbability(pw, "p_w");
        Nam.requireProbability(pe, "p_e");
        Nam.requireProbability(pr, "p_r");
        Vectors.requireLength(k, dk, "key");
        Vectors.requireLength(v, dv, "value");
        Vectors.requireLength(q, dk, "query");
        Vectors.requireLength(out, dv, "out");
        Vectors.unit(k, unitKey);
        Vectors.unit(q, unitQuery);
        kernel.writeRead(m, dv, dk, unitKey, v, pw, pe, unitQuery, pr, out);
    }

    /** One read per query: row {@code t} of the result is {@code RD(M, qs[t], pr)}. */
    public float[][] read(float[][] qs, float pr) {
        float[][] out = new float[qs.length][];
        for (int t = 0; t < qs.length; t++) {
            out[t] = read(qs[t], pr);
        }
        return out;
    }

    /** Writes the pairs {@code (ks[t], vs[t])} one after the other, in order. */
    public void write(float[][] ks, float[][] vs, float pw, float pe) {
        if (ks.length != vs.length) {
            throw new IllegalArgumentException(ks.length + " keys but " + vs.length + " values");
        }
        for (int t = 0; t < ks.length; t++) {
            write(ks[t], vs[t], pw, pe);
        }
    }
}
