package dev.mnemos.nam.task;

import dev.mnemos.nam.grad.Rng;

/**
 * Multi-hop recall (two hops): read n links {@code a -> b} between symbols of 24 (the a's distinct,
 * each b one of the a's, so that every link leads on), a delimiter, then the n a's again in another
 * order, answering each {@code a} with {@code f(f(a))}: the symbol two links on. Steps: 3n + 1; n at
 * most 24.
 */
public final class MultiHopRecall implements Task {

    static final int SYMBOLS = 24;
    static final int DELIMITER = SYMBOLS;

    @Override
    public String name() {
        return "hops";
    }

    @Override
    public String description() {
        return "read n links a -> b, then answer each a with the symbol two links on";
    }

    @Override
    public int inputSize() {
        return SYMBOLS + 1;
    }

    @Override
    public int outputSize() {
        return SYMBOLS;
    }

    @Override
    public Example generate(Rng rng, int n) {
        int[] from = Draws.distinct(rng, SYMBOLS, n, "multi-hop recall");
        int[] to = new int[n];
        Tokens t = new Tokens(inputSize(), 3 * n + 1);
        for (int i = 0; i < n; i++) {
            to[i] = rng.nextInt(n);
            t.read(from[i]).read(from[to[i]]);
        }
        t.read(DELIMITER);
        for (int i : rng.permutation(n)) {
            t.step(from[i], from[to[to[i]]]);
        }
        return t.example();
    }
}
