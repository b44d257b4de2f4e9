package dev.mnemos.nam.tensor;

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
 * updates the row straight away, while the row is still in cache. Each call costs
 * {@code O(d_k d_v)} time whatever the number of pairs written; the memory never grows.
 * Not thread-safe.
 */
public final class NamMatrix {

    private final int dv;
    private final int dk;
    private final float[] m;
    private final float[] unitKey;

    /** A zero memory with values of {@code dv} and keys of {@code dk} dimensions. */
    public NamMatrix(int dv, int dk) {
        Nam.requirePositive(dv, "d_v");
        Nam.requirePositive(dk, "d_k");
        this.dv = dv;
        this.dk = dk;
        this.m = new float[Math.multiplyExact(dv, dk)];
        this.unitKey = new float[dk];
    }

    /** A memory holding a copy of {@code rows} ({@code d_v} rows of {@code d_k} values). */
    public static NamMatrix of(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("memory has no rows");
        }
        NamMatrix out = new NamMatrix(rows.length, rows[0].length);
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
        NamMatrix out = new NamMatrix(dv, dk);
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
        Vectors.unit(q, unitKey);
        for (int i = 0; i < dv; i++) {
            out[i] = pr * rowDot(m, i * dk, unitKey, dk);
        }
    }

    /** {@code M = WR(M, k, v, pw, pe) = M + pw v mu(k)^T - pe (M mu(k)) mu(k)^T}. */
    public void write(float[] k, float[] v, float pw, float pe) {
        Nam.requireProbability(pw, "p_w");
        Nam.requireProbability(pe, "p_e");
        Vectors.requireLength(k, dk, "key");
        Vectors.requireLength(v, dv, "value");
        Vectors.unit(k, unitKey);
        float[] uk = unitKey;
        for (int i = 0; i < dv; i++) {
            int base = i * dk;
            float c = pw * v[i] - pe * rowDot(m, base, uk, dk);
            for (int j = 0; j < dk; j++) {
                m[base + j] += c * uk[j];
            }
        }
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

    /**
     * {@code sum_j a[base + j] * x[j]} over {@code n} values, with eight independent partial
     * sums so the CPU can overlap the additions (C2 does not vectorise float reductions).
     */
    static float rowDot(float[] a, int base, float[] x, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            int p = base + j;
            s0 += a[p] * x[j];
            s1 += a[p + 1] * x[j + 1];
            s2 += a[p + 2] * x[j + 2];
            s3 += a[p + 3] * x[j + 3];
            s4 += a[p + 4] * x[j + 4];
            s5 += a[p + 5] * x[j + 5];
            s6 += a[p + 6] * x[j + 6];
            s7 += a[p + 7] * x[j + 7];
        }
        for (; j < n; j++) {
            s0 += a[base + j] * x[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
