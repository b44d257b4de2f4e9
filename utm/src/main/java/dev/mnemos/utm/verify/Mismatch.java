package dev.mnemos.utm.verify;

/**
 * A cycle whose effect differs from the reference transition.
 *
 * @param step        0-based cycle index
 * @param state       the state the reference machine was in
 * @param symbol      the symbol it read
 * @param promptHash  hash of the prompt the model got (as in the trace)
 * @param raw         the model's raw output
 * @param expected    what the reference transition does
 * @param actual      what the cycle did
 */
public record Mismatch(long step, String state, String symbol, String promptHash, String raw, Effect expected, Effect actual) {

    /** One line, for people. */
    @Override
    public String toString() {
        String shown = raw.length() > 200 ? raw.substring(0, 200) + "..." : raw;
        return "step " + step + ": state " + state + " reading " + symbol + " (prompt " + promptHash + "): expected "
                + expected + "; got " + actual + "; raw output \"" + dev.mnemos.io.Printable.of(shown) + "\"";
    }
}
