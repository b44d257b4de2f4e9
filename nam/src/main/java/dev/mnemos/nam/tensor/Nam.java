package dev.mnemos.nam.tensor;

import dev.mnemos.vectors.Vectors;

/**
 * The NAM primitives as the paper writes them, on a memory {@code M} held as {@code d_v} rows of
 * {@code d_k} floats. Keys and queries are normalised to unit length before use.
 *
 * <pre>{@code
 * float[][] m = Nam.zeros(3, 4);                 // d_v = 3, d_k = 4
 * Nam.write(m, key, value, 1f, 1f);              // delta rule: M + (v - M k) k^T
 * float[] back = Nam.read(m, key, 1f);           // == value
 * }</pre>
 *
 * <p>These are plain, readable loops: the reference the fast {@link NamMatrix} is tested against.
 */
public final class Nam {

    private Nam() {
    }

    /** A zero memory of {@code dv} rows and {@code dk} columns. */
    public static float[][] zeros(int dv, int dk) {
        requirePositive(dv, "d_v");
        requirePositive(dk, "d_k");
        return new float[dv][dk];
    }

    /** {@code RD(M, q, pr) = pr * M mu(q)}. */
    public static float[] read(float[][] m, float[] q, float pr) {
        requireProbability(pr, "p_r");
        float[] uq = Vectors.unit(checkKey(m, q, "query"));
        float[] out = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = pr * Vectors.dot(m[i], uq);
        }
        return out;
    }

    /**
     * {@code WR(M, k, v, pw, pe) = M + pw * v mu(k)^T - pe * (M mu(k)) mu(k)^T}, in place.
     * With {@code pw = pe = p} this is the delta rule {@code M + p (v - M k) k^T}.
     */
    public static void write(float[][] m, float[] k, float[] v, float pw, float pe) {
        requireProbability(pw, "p_w");
        requireProbability(pe, "p_e");
        float[] uk = Vectors.unit(checkKey(m, k, "key"));
        Vectors.requireLength(v, m.length, "value");
        for (int i = 0; i < m.length; i++) {
            float read = Vectors.dot(m[i], uk);
            float c = pw * v[i] - pe * read;
            for (int j = 0; j < uk.length; j++) {
                m[i][j] += c * uk[j];
            }
        }
    }

    /** One read per query: row {@code t} of the result is {@code RD(M, qs[t], pr)}. */
    public static float[][] read(float[][] m, float[][] qs, float pr) {
        float[][] out = new float[qs.length][];
        for (int t = 0; t < qs.length; t++) {
            out[t] = read(m, qs[t], pr);
        }
        return out;
    }

    /** Writes the pairs {@code (ks[t], vs[t])} one after the other, in order. */
    public static void write(float[][] m, float[][] ks, float[][] vs, float pw, float pe) {
        if (ks.length != vs.length) {
            throw new IllegalArgumentException(ks.length + " keys but " + vs.length + " values");
        }
        for (int t = 0; t < ks.length; t++) {
            write(m, ks[t], vs[t], pw, pe);
        }
    }

    private static float[] checkKey(float[][] m, float[] k, String name) {
        if (m.length == 0) {
            throw new IllegalArgumentException("memory has no rows");
        }
        Vectors.requireLength(k, m[0].length, name);
        return k;
    }

    /** Rejects a write, erase or read probability {@code p} outside [0, 1], naming it {@code name}. */
    public static void requireProbability(float p, String name) {
        if (!(p >= 0f && p <= 1f)) {
            throw new IllegalArgumentException(name + " = " + p + " is not a probability in [0, 1]");
        }
    }

    static void requirePositive(int n, String name) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " = " + n + " must be positive");
        }
    }
}
