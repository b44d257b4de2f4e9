package dev.mnemos.nam.attention;

/**
 * Exact scaled dot-product attention, {@code softmax(Q K^T / sqrt(d_k)) V}, computed one query at
 * a time with a numerically stable softmax: {@code O(S^2 (d_k + d_v))} time, {@code O(S d_k)}
 * extra memory. The yardstick for {@link NamAttention}. Keys are kept transposed so that the
 * scores of one query against all keys are runs of multiply-adds that the JIT vectorises; it is
 * a fair baseline, not a strawman.
 */
public final class SoftmaxAttention implements Attention {

    @Override
    public float[][] attend(float[][] queries, float[][] keys, float[][] values) {
        Shapes shapes = Shapes.check(queries, keys, values);
        int s = keys.length;
        int dk = shapes.dk();
        int dv = shapes.dv();
        float scale = (float) (1 / Math.sqrt(dk));
        float[] kt = new float[dk * s];
        for (int u = 0; u < s; u++) {
            for (int j = 0; j < dk; j++) {
                kt[j * s + u] = keys[u][j];
            }
        }
        float[] scores = new float[s];
        float[][] out = new float[queries.length][dv];
        for (int t = 0; t < queries.length; t++) {
            java.util.Arrays.fill(scores, 0f);
            float[] q = queries[t];
            for (int j = 0; j < dk; j++) {
                float a = scale * q[j];
                int base = j * s;
                for (int u = 0; u < s; u++) {
                    scores[u] += a * kt[base + u];
                }
            }
            float max = Float.NEGATIVE_INFINITY;
            for (int u = 0; u < s; u++) {
                max = Math.max(max, scores[u]);
            }
            double sum = 0;
            for (int u = 0; u < s; u++) {
                scores[u] = (float) Math.exp(scores[u] - max);
                sum += scores[u];
            }
            float inv = (float) (1 / sum);
            float[] o = out[t];
            for (int u = 0; u < s; u++) {
                float w = scores[u] * inv;
                float[] v = values[u];
                for (int i = 0; i < dv; i++) {
                    o[i] += w * v[i];
                }
            }
        }
        return out;
    }
}
