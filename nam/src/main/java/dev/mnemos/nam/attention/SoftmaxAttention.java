package dev.mnemos.nam.attention;

import dev.mnemos.nam.tensor.Vectors;

/**
 * Exact scaled dot-product attention, {@code softmax(Q K^T / sqrt(d_k)) V}, computed one query at
 * a time with a numerically stable softmax: {@code O(S^2 (d_k + d_v))} time, {@code O(S)} extra
 * memory. The yardstick for {@link NamAttention}.
 */
public final class SoftmaxAttention implements Attention {

    @Override
    public float[][] attend(float[][] queries, float[][] keys, float[][] values) {
        Shapes shapes = Shapes.check(queries, keys, values);
        int s = keys.length;
        int dv = shapes.dv();
        float scale = (float) (1 / Math.sqrt(shapes.dk()));
        float[] weights = new float[s];
        float[][] out = new float[queries.length][dv];
        for (int t = 0; t < queries.length; t++) {
            float[] q = queries[t];
            float max = Float.NEGATIVE_INFINITY;
            for (int u = 0; u < s; u++) {
                weights[u] = scale * Vectors.dot(q, keys[u]);
                max = Math.max(max, weights[u]);
            }
            double sum = 0;
            for (int u = 0; u < s; u++) {
                weights[u] = (float) Math.exp(weights[u] - max);
                sum += weights[u];
            }
            float inv = (float) (1 / sum);
            float[] o = out[t];
            for (int u = 0; u < s; u++) {
                float w = weights[u] * inv;
                float[] v = values[u];
                for (int i = 0; i < dv; i++) {
                    o[i] += w * v[i];
                }
            }
        }
        return out;
    }
}
