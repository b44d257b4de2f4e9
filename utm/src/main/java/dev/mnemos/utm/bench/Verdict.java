package dev.mnemos.utm.bench;

/**
 * A subject's verdict on one answer: whether it is right, the kind of answer it was (counted apart
 * in the reports: {@code unparseable}, {@code badWrite}, {@code exact}, {@code wrapped}, ...; null for
 * none), and for a wrong one what was wrong, on one line.
 */
public record Verdict(boolean correct, String kind, String problem) {

    /** A right answer, of {@code kind} (or null). */
    public static Verdict right(String kind) {
        return new Verdict(true, kind, null);
    }

    /** A wrong answer, of {@code kind} (or null), and why. */
    public static Verdict wrong(String kind, String problem) {
        return new Verdict(false, kind, problem);
    }
}
