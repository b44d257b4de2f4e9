package dev.mnemos.runtime.memory;

/**
 * Integers as decimal text, as {@link Long#toString(long)} writes them. The small non-negative
 * ones (a tape's cell labels, a head, a counter: read, written and looked up every cycle) are
 * made once per process and handed out as the same String, whose hash is then computed once and
 * which a map compares by identity first; the others are made each time.
 */
public final class Decimal {

    /** Integers in [0, CACHED) are made once. */
    static final int CACHED = 1 << 16;
    private static final String[] TEXTS = new String[CACHED];

    private Decimal() {}

    public static String of(long n) {
        if (n < 0 || n >= CACHED) return Long.toString(n);
        String text = TEXTS[(int) n];
        if (text == null) TEXTS[(int) n] = text = Long.toString(n); // (a race makes two equal Strings: harmless)
        return text;
    }
}
