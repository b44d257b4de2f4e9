package dev.mnemos.nam.task;

import dev.mnemos.nam.grad.Rng;

/**
 * Reversal (the palindrome task): read n symbols, then a delimiter, and give them back last
 * first, one per step from the delimiter on. Steps: 2n.
 */
public final class Reverse implements Task {

    static final int SYMBOLS = 8;
    static final int DELIMITER = SYMBOLS;
    static final int BLANK = SYMBOLS + 1;

    @Override
    public String name() {
        return "reverse";
    }

    @Override
    public String description() {
        return "give n symbols (of " + SYMBOLS + ") back in reverse order";
    }

    @Override
    public int inputSize() {
        return SYMBOLS + 2;
    }

    @Override
    public int outputSize() {
        return SYMBOLS;
    }

    @Override
    public Example generate(Rng rng, int n) {
        int[] s = new int[n];
        Tokens t = new Tokens(inputSize(), 2 * n);
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextInt(SYMBOLS);
            t.read(s[i]);
        }
        for (int i = 0; i < n; i++) {
            t.step(i == 0 ? DELIMITER : BLANK, s[n - 1 - i]);
        }
        return t.example();
    }
}
