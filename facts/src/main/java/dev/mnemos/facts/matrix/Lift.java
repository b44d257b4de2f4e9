package dev.mnemos.facts.matrix;

import dev.mnemos.nam.grad.Rng;

/**
 * The address of a key: a fixed random lift of its embedding into {@code slots} dimensions,
 * {@code a = unit(max(0, R k - threshold))} with {@code R} Gaussian from a seed (regenerated, never
 * stored). Larimar addresses a write by a fixed linear map of the encoding (the pseudo-inverse of
 * its prior memory); a linear address makes the whole memory a linear map of the key, which tells
 * at most d keys apart (d = the embedding's length, 384 for MiniLM). The threshold makes the map
 * non-linear and its addresses sparse (about 31% of the slots at 0.5), so that the least-squares
 * memory holds as many facts as it has slots.
 */
public final class Lift {

    private final int in;
    private final int slots;
    private final double threshold;
    private final long seed;
    /** {@code slots x in}, row-major: row j is the direction of slot j. */
    private final float[] r;

    public Lift(int in, int slots, double threshold, long seed) {
        if (in < 1 || slots < 1 || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("lift of " + in + " into " + slots + " slots at threshold " + threshold);
        }
        this.in = in;
        this.slots = slots;
        this.threshold = threshold;
        this.seed = seed;
        this.r = new float[Math.multiplyExact(in, slots)];
        Rng rng = new Rng(seed);
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) rng.nextGaussian();
        }
    }

    /** The address of the unit vector {@code k}: {@code slots} values, unit length (all 0 if no slot passes the threshold). */
    public double[] address(double[] k) {
        if (k.length != in) {
            throw new IllegalArgumentException("key has " + k.length + " values, expected " + in);
        }
        double[] a = new double[slots];
        double ss = 0;
        for (int j = 0; j < slots; j++) {
            double s = 0;
            int row = j * in;
            for (int i = 0; i < in; i++) {
                s += r[row + i] * k[i];
            }
            double v = s - threshold;
            if (v > 0) {
                a[j] = v;
                ss += v * v;
            }
        }
        if (ss > 0) {
            double n = Math.sqrt(ss);
            for (int j = 0; j < slots; j++) {
                a[j] /= n;
            }
        }
        return a;
    }

    public int slots() {
        return slots;
    }

    public double threshold() {
        return threshold;
    }

    public long seed() {
        return seed;
    }

    /** Bytes of the random directions held in memory ({@code 4 slots d}). */
    public long bytes() {
        return 4L * r.length;
    }
}
