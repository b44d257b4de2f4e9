package dev.mnemos.utm.machine;

/**
 * What a machine does in one (state, symbol) pair that does not halt: write a symbol, move, go to
 * the next state. Written {@code "<write> <L|R> <next>"}, e.g. {@code "0 R B"}.
 */
public record Action(String write, Move move, String next) {

    @Override
    public String toString() {
        return write + " " + move + " " + next;
    }
}
