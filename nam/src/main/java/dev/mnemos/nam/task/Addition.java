package dev.mnemos.nam.task;

import dev.mnemos.nam.grad.Rng;

/**
 * Number sequence prediction as addition: read two numbers of n digits (base 4, least
 * significant digit first) separated by '+', then '='; answer the n + 1 digits of the sum, least
 * significant first, one per step from '=' on. Steps: 3n + 2.
 */
public final class Addition implements Task {

    static final int BASE = 4;
    private static final int PLUS = BASE;
    private static final int EQUALS = BASE + 1;
    private static final int BLANK = BASE + 2;

    @Override
    public String name() {
        return "add";
    }

    @Override
    public String description() {
        return "add two numbers of n base-" + BASE + " digits, least significant first";
    }

    @Override
    public int inputSize() {
        return BASE + 3;
    }

    @Override
    public int outputSize() {
        return BASE;
    }

    @Override
    public Example generate(Rng rng, int n) {
        int[] a = new int[n];
        int[] b = new int[n];
        Tokens t = new Tokens(inputSize(), 3 * n + 2);
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextInt(BASE);
            t.read(a[i]);
        }
        t.read(PLUS);
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextInt(BASE);
            t.read(b[i]);
        }
        int carry = 0;
        for (int i = 0; i <= n; i++) {
            int sum = (i < n ? a[i] + b[i] : 0) + carry;
            t.step(i == 0 ? EQUALS : BLANK, sum % BASE);
            carry = sum / BASE;
        }
        return t.example();
    }
}
