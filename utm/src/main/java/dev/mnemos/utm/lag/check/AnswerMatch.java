package dev.mnemos.utm.lag.check;

/**
 * The verdict on one answer to a lookup: {@code EXACT} when the answer, trimmed, is the expected
 * value; {@code WRAPPED} when it is not but the value stands in it as a word of its own (the
 * answer wraps it in prose, quotes or markup: "The value is `vD`."), which lenient mode accepts;
 * {@code WRONG} otherwise. Linear in the answer's length.
 */
public enum AnswerMatch {
    EXACT, WRAPPED, WRONG;

    public static AnswerMatch of(String answer, String expected) {
        String a = answer.strip();
        if (a.equals(expected)) return EXACT;
        if (expected.isEmpty()) return WRONG;
        for (int at = a.indexOf(expected); at >= 0; at = a.indexOf(expected, at + 1)) {
            int end = at + expected.length();
            if ((at == 0 || boundary(a.charAt(at - 1))) && (end == a.length() || boundary(a.charAt(end)))) return WRAPPED;
        }
        return WRONG;
    }

    /** Whether {@code c} can end a word around a value: not a letter or digit. */
    private static boolean boundary(char c) {
        return !Character.isLetterOrDigit(c);
    }

    /** Whether the answer counts as right: exact, or wrapped in lenient mode. */
    public boolean accepted(boolean lenient) {
        return this == EXACT || (lenient && this == WRAPPED);
    }
}
