package dev.mnemos.nam.task;

import dev.mnemos.nam.grad.Rng;

/**
 * Sequence reduction: read n tokens, each a symbol or (with probability 1/2) the empty token;
 * then give the symbols back in order without the empty ones, and "end" for the remaining steps.
 * Steps: 2n.
 */
public final class Reduction implements Task {

    private static final int SYMBOLS = 6;
    private static final int EMPTY = SYMBOLS;
    private static final int DELIMITER = SYMBOLS + 1;
    private static final int BLANK = SYMBOLS + 2;
    private static final int END = SYMBOLS;

    @Override
    public String name() {
        return "reduce";
    }

    @Override
    public String description() {
        return "drop the empty tokens from n tokens, give the " + SYMBOLS + "-symbol rest in order, then 'end'";
    }

    @Override
    public int inputSize() {
        return SYMBOLS + 3;
    }

    @Override
    public int outputSize() {
        return SYMBOLS + 1;
    }

    @Override
    public Example generate(Rng rng, int n) {
        int[] kept = new int[n];
        int count = 0;
        Tokens t = new Tokens(inputSize(), 2 * n);
        for (int i = 0; i < n; i++) {
            int token = rng.nextInt(2) == 0 ? EMPTY : rng.nextInt(SYMBOLS);
            if (token != EMPTY) {
                kept[count++] = token;
            }
            t.read(token);
        }
        for (int i = 0; i < n; i++) {
            t.step(i == 0 ? DELIMITER : BLANK, i < count ? kept[i] : END);
        }
        return t.example();
    }
}
