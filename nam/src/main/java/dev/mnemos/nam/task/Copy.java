package dev.mnemos.nam.task;

import dev.mnemos.nam.grad.Rng;

/** Copy (the task of our choice, the Neural Turing Machine's first): give n symbols back in order. */
public final class Copy implements Task {

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public String description() {
        return "give n symbols (of " + Reverse.SYMBOLS + ") back in the same order";
    }

    @Override
    public int inputSize() {
        return Reverse.SYMBOLS + 2;
    }

    @Override
    public int outputSize() {
        return Reverse.SYMBOLS;
    }

    @Override
    public Example generate(Rng rng, int n) {
        int[] s = new int[n];
        Tokens t = new Tokens(inputSize(), 2 * n);
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextInt(Reverse.SYMBOLS);
            t.read(s[i]);
        }
        for (int i = 0; i < n; i++) {
            t.step(i == 0 ? Reverse.DELIMITER : Reverse.BLANK, s[i]);
        }
        return t.example();
    }
}
