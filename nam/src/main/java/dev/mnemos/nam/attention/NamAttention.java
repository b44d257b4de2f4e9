package dev.mnemos.nam.attention;

import dev.mnemos.nam.tensor.Vectors;

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
 * }</pre>
 */
public final class NamAttention implements Attention {

    @Override
    public float[][] attend(float[][] queries, float[][] keys, float[][] values) {
        Shapes shapes = Shapes.check(queries, keys, values);
        int dk = shapes.dk();
        int dv = shapes.dv();
        // the memory is kept transposed, mt[j * dv + i] = M[i][j], so that both the write
        // (M += v k^T) and the read (M q) are runs of multiply-adds over contiguous values
        float[] mt = new float[dk * dv];
        float[] unit = new float[dk];
        for (int t = 0; t < keys.length; t++) {
            unitRow(keys, t, "key", unit);
            float[] v = values[t];
            for (int j = 0; j < dk; j++) {
                axpy(unit[j], v, mt, j * dv, dv);
            }
        }
        float[][] out = new float[queries.length][dv];
        for (int t = 0; t < queries.length; t++) {
            unitRow(queries, t, "query", unit);
            float[] o = out[t];
            for (int j = 0; j < dk; j++) {
                float qj = unit[j];
                int base = j * dv;
                for (int i = 0; i < dv; i++) {
                    o[i] += qj * mt[base + i];
                }
            }
        }
        return out;
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
