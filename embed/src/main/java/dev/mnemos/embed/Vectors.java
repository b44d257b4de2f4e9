package dev.mnemos.embed;

/** Small float-vector helpers. Embeddings in POEM are unit length, so cosine is a dot product. */
public final class Vectors {

    private Vectors() {}

    /** Dot product, with four accumulators so the loop is not one long dependency chain. */
    public static float dot(float[] a, float[] b) {
        int n = a.length;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * A unit-length copy. The same contract as nam's {@code Vectors.unit}: a vector with no direction
     * has no unit copy.
     *
     * @throws IllegalArgumentException if {@code v} is empty, all zeros, or not finite
     */
    public static float[] normalized(float[] v) {
        if (v.length == 0) throw new IllegalArgumentException("cannot normalise an empty vector");
        double sum = 0;
        for (float x : v) sum += (double) x * x;
        if (sum == 0 || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("cannot normalise a vector of length " + (float) Math.sqrt(sum)
                    + " (need a finite, non-zero vector of " + v.length + " values)");
        }
        float[] out = v.clone();
        float inv = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < out.length; i++) out[i] *= inv;
        return out;
    }

    public static double cosine(float[] a, float[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }
}
