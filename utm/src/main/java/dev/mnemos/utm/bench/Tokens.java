package dev.mnemos.utm.bench;

/**
 * Token counts of a set of model calls, as the backend reported them. A backend that does not
 * report them (the reference backend, some servers) leaves {@code counted} at 0.
 *
 * @param counted calls that reported their token counts
 * @param input   prompt tokens summed over those calls
 * @param output  answer tokens summed over those calls
 */
public record Tokens(int counted, long input, long output) {

    public static final Tokens NONE = new Tokens(0, 0, 0);

    /** These counts and one more call's (negative counts mean unknown and are left out). */
    public Tokens plus(int inputTokens, int outputTokens) {
        if (inputTokens < 0 || outputTokens < 0) return this;
        return new Tokens(counted + 1, input + inputTokens, output + outputTokens);
    }

    public Tokens plus(Tokens o) {
        return new Tokens(counted + o.counted, input + o.input, output + o.output);
    }

    public boolean known() {
        return counted > 0;
    }

    public double inputPerCall() {
        return counted == 0 ? 0 : (double) input / counted;
    }

    public double outputPerCall() {
        return counted == 0 ? 0 : (double) output / counted;
    }
}
