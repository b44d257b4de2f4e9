package dev.mnemos.nam.attention;

import dev.mnemos.nam.tensor.NamMatrix;
import dev.mnemos.vectors.Vectors;

/**
 * Normalised outer-product attention, NAM as linear attention:
 * {@code Attn(Q, K, V) = (V^T mu(K)) mu(Q)}, where mu scales each row to unit length.
 *
 * <p>All keys are written into one {@code d_v x d_k} memory (erase probability 0, write
 * probability 1), then every query reads it once: {@code O(S d_k d_v)} time and
 * {@code O(d_k d_v)} extra memory, linear in the sequence length S.
 *
 * <pre>{@code
 * float[][] out = new NamAttention().attend(q, k, v);
 * float[][] gated = new NamAttention().attend(q, k, v, pw);      // per-position write probabilities
 * float[][] causal = new NamAttention().causal(q, k, v, null);   // position t sees positions 0..t
 * }</pre>
 */
public final class NamAttention implements Attention {

    @Override
    public float[][] attend(float[][] queries, float[][] keys, float[][] values) {
        return attend(queries, keys, values, null);
    }

    /**
     * {@code Attn} with a write probability per position: position t adds {@code pw[t] v_t mu(k_t)^T}
     * ({@code null} for all ones).
     */
    public float[][] attend(float[][] queries, float[][] keys, float[][] values, float[] writeProbabilities) {
        Shapes shapes = Shapes.check(queries, keys, values);
        float[] pw = checkProbabilities(writeProbabilities, keys.length);
        // the memory is kept transposed, mt[j * dv + i] = M[i][j], so that both the write
        // (M += v k^T) and the read (M q) are runs of multiply-adds over contiguous values, which
        // the JIT vectorises
        float[] mt = writeAll(keys, values, pw, shapes.dk(), shapes.dv());
        float[][] out = new float[queries.length][shapes.dv()];
        float[] uq = new float[shapes.dk()];
        for (int t = 0; t < queries.length; t++) {
            unitRow(queries, t, "query", uq);
            read(mt, uq, out[t]);
        }
        return out;
    }

    /** The transposed memory {@code mt} holding every {@code pw[t] v_t mu(k_t)^T}, four positions at a time. */
    private static float[] writeAll(float[][] keys, float[][] values, float[] pw, int dk, int dv) {
        float[] mt = new float[dk * dv];
        float[][] unit = new float[4][dk];
        int s = keys.length;
        int t = 0;
        for (; t + 3 < s; t += 4) {
            for (int r = 0; r < 4; r++) {
                unitRow(keys, t + r, "key", unit[r]);
                scale(unit[r], pw == null ? 1f : pw[t + r]);
            }
            writeFour(mt, unit, values, t, dk, dv);
        }
        for (; t < s; t++) {
            unitRow(keys, t, "key", unit[0]);
            scale(unit[0], pw == null ? 1f : pw[t]);
            for (int j = 0; j < dk; j++) {
                axpy(unit[0][j], values[t], mt, j * dv, dv);
            }
        }
        return mt;
    }

    /** Adds the four positions from {@code t} (their scaled unit keys in {@code unit}) to {@code mt}. */
    private static void writeFour(float[] mt, float[][] unit, float[][] values, int t, int dk, int dv) {
        float[] v0 = values[t];
        float[] v1 = values[t + 1];
        float[] v2 = values[t + 2];
        float[] v3 = values[t + 3];
        for (int j = 0; j < dk; j++) {
            float a0 = unit[0][j];
            float a1 = unit[1][j];
            float a2 = unit[2][j];
            float a3 = unit[3][j];
            int base = j * dv;
            for (int i = 0; i < dv; i++) {
                mt[base + i] += (a0 * v0[i] + a1 * v1[i]) + (a2 * v2[i] + a3 * v3[i]);
            }
        }
    }

    /** {@code o += M uq}, reading the transposed memory four rows of {@code mt} at a time. */
    private static void read(float[] mt, float[] uq, float[] o) {
        int dk = uq.length;
        int dv = o.length;
        int j = 0;
        for (; j + 3 < dk; j += 4) {
            float q0 = uq[j];
            float q1 = uq[j + 1];
            float q2 = uq[j + 2];
            float q3 = uq[j + 3];
            int b0 = j * dv;
            int b1 = b0 + dv;
            int b2 = b1 + dv;
            int b3 = b2 + dv;
            for (int i = 0; i < dv; i++) {
                o[i] += (q0 * mt[b0 + i] + q1 * mt[b1 + i]) + (q2 * mt[b2 + i] + q3 * mt[b3 + i]);
            }
        }
        for (; j < dk; j++) {
            float qj = uq[j];
            int base = j * dv;
            for (int i = 0; i < dv; i++) {
                o[i] += qj * mt[base + i];
            }
        }
    }

    /**
     * Causal NAM attention, as a recurrent memory: for t = 0, 1, ... write {@code (k_t, v_t)} with
     * probability {@code pw[t]} (erase 0), then read with {@code q_t}; row t of the result sees
     * positions 0..t only. Needs as many queries as keys. Same {@code O(S d_k d_v)} cost.
     */
    public float[][] causal(float[][] queries, float[][] keys, float[][] values, float[] writeProbabilities) {
        Shapes shapes = Shapes.check(queries, keys, values);
        if (queries.length != keys.length) {
            throw new IllegalArgumentException("causal attention needs one query per key, got " + queries.length
                    + " queries and " + keys.length + " keys");
        }
        float[] pw = checkProbabilities(writeProbabilities, keys.length);
        NamMatrix memory = new NamMatrix(shapes.dv(), shapes.dk());
        float[][] out = new float[queries.length][shapes.dv()];
        for (int t = 0; t < keys.length; t++) {
            try {
                memory.writeRead(keys[t], values[t], pw == null ? 1f : pw[t], 0f, queries[t], 1f, out[t]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("position " + t + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static float[] checkProbabilities(float[] pw, int s) {
        if (pw == null) {
            return null;
        }
        if (pw.length != s) {
            throw new IllegalArgumentException(pw.length + " write probabilities for " + s + " positions");
        }
        for (int t = 0; t < s; t++) {
            if (!(pw[t] >= 0f && pw[t] <= 1f)) {
                throw new IllegalArgumentException("write probability " + t + " = " + pw[t]
                        + " is not a probability in [0, 1]");
            }
        }
        return pw;
    }

    private static void scale(float[] x, float a) {
        if (a != 1f) {
            for (int j = 0; j < x.length; j++) {
                x[j] *= a;
            }
        }
    }

    private static void axpy(float a, float[] x, float[] y, int base, int n) {
        for (int i = 0; i < n; i++) {
            y[base + i] += a * x[i];
        }
    }

    private static void unitRow(float[][] rows, int t, String name, float[] out) {
        try {
            Vectors.unit(rows[t], out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + t + ": " + e.getMessage(), e);
        }
    }
}
