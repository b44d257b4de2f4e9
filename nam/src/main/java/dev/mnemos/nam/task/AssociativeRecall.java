package dev.mnemos.nam.task;

import dev.mnemos.nam.grad.Rng;

/**
 * Associative recall: read n pairs (a key of 24, a value of 8), a delimiter, then the n keys again
 * in another order, answering each with its value. Steps: 3n + 1; n at most 24 (keys are distinct
 * within a sequence).
 */
public final class AssociativeRecall implements Task {

    static final int KEYS = 24;
    static final int VALUES = 8;
    static final int DELIMITER = KEYS + VALUES;

    @Override
    public String name() {
        return "recall";
    }

    @Override
    public String description() {
        return "read n key-value pairs, then give the value of each key asked";
    }

    @Override
    public int inputSize() {
        return KEYS + VALUES + 1;
    }

    @Override
    public int outputSize() {
        return VALUES;
    }

    @Override
    public Example generate(Rng rng, int n) {
        int[] keys = Draws.distinct(rng, KEYS, n, "associative recall");
        int[] values = new int[n];
        Tokens t = new Tokens(inputSize(), 3 * n + 1);
        for (int i = 0; i < n; i++) {
            values[i] = rng.nextInt(VALUES);
            t.read(keys[i]).read(KEYS + values[i]);
        }
        t.read(DELIMITER);
        for (int i : rng.permutation(n)) {
            t.step(keys[i], values[i]);
        }
        return t.example();
    }
}
