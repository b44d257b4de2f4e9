package dev.mnemos.nam.task;

/** One-hot input vectors and the building of examples step by step. */
final class Tokens {

    private final int vocabulary;
    private final double[][] inputs;
    private final int[] targets;
    private int at;

    Tokens(int vocabulary, int steps) {
        this.vocabulary = vocabulary;
        this.inputs = new double[steps][vocabulary];
        this.targets = new int[steps];
        java.util.Arrays.fill(targets, Example.NONE);
    }

    /** The next step reads {@code token} and is asked for nothing. */
    Tokens read(int token) {
        return step(token, Example.NONE);
    }

    /** The next step reads {@code token} and must answer {@code target}. */
    Tokens step(int token, int target) {
        if (token < 0 || token >= vocabulary) {
            throw new IllegalArgumentException("token " + token + " is not one of " + vocabulary);
        }
        inputs[at][token] = 1;
        targets[at] = target;
        at++;
        return this;
    }

    Example example() {
        if (at != inputs.length) {
            throw new IllegalStateException(at + " of " + inputs.length + " steps filled");
        }
        return new Example(inputs, targets);
    }
}
