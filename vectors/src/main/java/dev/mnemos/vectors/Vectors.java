package dev.mnemos.vectors;

/**
 * Float-vector maths, the one copy every module uses: dot products, norms, unit vectors, and the
 * length checks that name the vector at fault. Sums of squares are taken in double; dot products
 * in float with eight independent partial sums (the JIT does not vectorise a float reduction, but
 * the CPU overlaps independent additions). {@link FloatDot} gives the same dot product on SIMD
 * lanes where the JVM has {@code jdk.incubator.vector}.
 */
public final class Vectors {

    private Vectors() {}

    /**
     * The dot product of two vectors of the same length.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static float dot(float[] a, float[] b) {
        requireSameLength(a, b, "a", "b");
        return dot(a, 0, b, b.length);
    }

    /**
     * {@code sum_j a[offset + j] x[j]} for j below n: the dot product of {@code x} with a row of a
     * matrix stored row after row in {@code a}. No length checks: the caller's loop owns them.
     */
    public static float dot(float[] a, int offset, float[] x, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            int p = offset + j;
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
            s0 += a[offset + j] * x[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** {@code y[offset + j] += a x[j]} for j below n (a plain multiply-add loop, which the JIT vectorises). */
    public static void axpy(float a, float[] x, float[] y, int offset, int n) {
        for (int j = 0; j < n; j++) {
            y[offset + j] += a * x[j];
        }
    }

    /** The Euclidean length, its sum of squares taken in double. */
    public static float norm(float[] a) {
        return (float) Math.sqrt(sumOfSquares(a));
    }

    /**
     * A copy of {@code x} scaled to unit length.
     *
     * @throws IllegalArgumentException if {@code x} is empty, all zeros, or not finite: a vector with
     *         no direction has no unit copy
     */
    public static float[] unit(float[] x) {
        float[] out = new float[x.length];
        unit(x, out);
        return out;
    }

    /**
     * Writes {@code x} scaled to unit length into {@code out} (which may be {@code x} itself).
     *
     * @throws IllegalArgumentException if the lengths differ, or {@code x} is empty, all zeros, or not finite
     */
    public static void unit(float[] x, float[] out) {
        requireSameLength(x, out, "x", "out");
        if (x.length == 0) throw new IllegalArgumentException("cannot normalise an empty vector");
        double sum = sumOfSquares(x);
        if (sum == 0 || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("cannot normalise a vector of length " + (float) Math.sqrt(sum)
                    + " (need a finite, non-zero vector of " + x.length + " values)");
        }
        float inv = (float) (1.0 / Math.sqrt(sum));
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j] * inv;
        }
    }

    /**
     * A unit-length copy that normalising again does not change: a vector already of unit length
     * (its sum of squares within 1e-5 of 1) is copied bit for bit, because scaling it once more can
     * move its last bit, and a state saved and loaded back would then no longer equal itself.
     *
     * @throws IllegalArgumentException as {@link #unit(float[])}
     */
    public static float[] unitOnce(float[] x) {
        return Math.abs(sumOfSquares(x) - 1) < 1e-5 ? x.clone() : unit(x);
    }

    /** The cosine of the angle between two vectors of the same length; 0 when either is all zeros. */
    public static float cosine(float[] a, float[] b) {
        float na = norm(a);
        float nb = norm(b);
        if (na == 0f || nb == 0f) return 0f;
        return dot(a, b) / (na * nb);
    }

    /** @throws IllegalArgumentException naming both vectors if their lengths differ */
    public static void requireSameLength(float[] a, float[] b, String nameA, String nameB) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(nameA + " has " + a.length + " values but " + nameB + " has " + b.length);
        }
    }

    /** @throws IllegalArgumentException naming the vector if it does not have {@code n} values */
    public static void requireLength(float[] a, int n, String name) {
        if (a.length != n) throw new IllegalArgumentException(name + " has " + a.length + " values, expected " + n);
    }

    private static double sumOfSquares(float[] a) {
        double s = 0;
        for (float x : a) s += (double) x * x;
        return s;
    }
}
