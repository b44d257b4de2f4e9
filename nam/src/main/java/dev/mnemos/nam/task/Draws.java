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
        int[] all = rng.permutation(of);
        return java.util.Arrays.copyOf(all, n);
    }

}
