package dev.mnemos.nam.tensor;

/** Small helpers on float vectors: dot products, norms and unit normalisation. */
public final class Vectors {

    private Vectors() {
    }

    /** The dot product of two vectors of the same length. */
    public static float dot(float[] a, float[] b) {
        requireSameLength(a, b, "a", "b");
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = a.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < n; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The Euclidean length of a vector. */
    public static float norm(float[] a) {
        double s = 0;
        for (float x : a) {
            s += (double) x * x;
        }
        return (float) Math.sqrt(s);
    }

    /** A copy of {@code x} scaled to unit length. */
    public static float[] unit(float[] x) {
        float[] out = new float[x.length];
        unit(x, out);
        return out;
    }

    /**
     * Writes {@code x} scaled to unit length into {@code out} (which may be {@code x} itself).
     *
     * @throws IllegalArgumentException if {@code x} is empty, all zeros, or not finite
     */
    public static void unit(float[] x, float[] out) {
        requireSameLength(x, out, "x", "out");
        if (x.length == 0) {
            throw new IllegalArgumentException("cannot normalise an empty vector");
        }
        float n = norm(x);
        if (n == 0f || !Float.isFinite(n)) {
            throw new IllegalArgumentException("cannot normalise a vector of length " + n
                    + " (need a finite, non-zero vector of " + x.length + " values)");
        }
        float inv = 1f / n;
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j] * inv;
        }
    }

    /** The cosine similarity of two non-zero vectors. */
    public static float cosine(float[] a, float[] b) {
        float na = norm(a);
        float nb = norm(b);
        if (na == 0f || nb == 0f) {
            return 0f;
        }
        return dot(a, b) / (na * nb);
    }

    static void requireSameLength(float[] a, float[] b, String nameA, String nameB) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(nameA + " has " + a.length + " values but " + nameB
                    + " has " + b.length);
        }
    }

    static void requireLength(float[] a, int n, String name) {
        if (a.length != n) {
            throw new IllegalArgumentException(name + " has " + a.length + " values, expected " + n);
        }
    }
}
