package dev.mnemos.nam.task;

import dev.mnemos.nam.grad.Rng;

/** Random draws the recall tasks share. */
final class Draws {

    private Draws() {
    }

    /** {@code n} distinct numbers of {@code [0, of)}, in random order. */
    static int[] distinct(Rng rng, int of, int n, String task) {
        if (n > of) {
            throw new IllegalArgumentException(task + " has " + of + " symbols, so problems of at most " + of
                    + " pairs; asked for " + n);
        }
        int[] all = permutation(rng, of);
        return java.util.Arrays.copyOf(all, n);
    }

    /** 0..n-1 in random order (Fisher-Yates). */
    static int[] permutation(Rng rng, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int keep = p[i];
            p[i] = p[j];
            p[j] = keep;
        }
        return p;
    }
}
