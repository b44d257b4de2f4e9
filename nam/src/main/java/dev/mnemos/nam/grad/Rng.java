package dev.mnemos.nam.grad;

/**
 * A small seeded random number generator (SplitMix64) whose whole state is one {@code long}, so
 * that a training checkpoint can save it and a resumed run draw the same numbers.
 */
public final class Rng {

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** A generator for the {@code index}-th item of a stream seeded with {@code seed}. */
    public static Rng of(long seed, long index) {
        Rng r = new Rng(seed ^ 0x9E3779B97F4A7C15L * (index + 1));
        r.nextLong();
        return r;
    }

    public long state() {
        return state;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound " + bound + " must be positive");
        }
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** Uniform in [from, to] (both included). */
    public int nextInt(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /** 0 .. n-1 in a random order (Fisher-Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int keep = p[i];
            p[i] = p[j];
            p[j] = keep;
        }
        return p;
    }

    public double nextGaussian() {
        double u = 1 - nextDouble();
        double v = nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
