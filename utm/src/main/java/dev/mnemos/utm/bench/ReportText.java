package dev.mnemos.utm.bench;

import dev.mnemos.io.Printable;

import java.util.Locale;

/** The text parts every subject's terminal table shares. */
public final class ReportText {

    private ReportText() {}

    /**
     * A model answer in double quotes, cut at {@code max} characters, made printable ({@link
     * Printable}: one line, escapes escaped); with {@code escapeQuotes} its own quotes are written {@code \"}.
     */
    public static String quote(String raw, int max, boolean escapeQuotes) {
        String shown = Printable.of(raw.length() > max ? raw.substring(0, max) : raw);
        return "\"" + (escapeQuotes ? shown.replace("\"", "\\\"") : shown) + (raw.length() > max ? "..." : "") + "\"";
    }

    /** Tokens in / out per call ({@code 26.0 / 1.0}), or {@code -} when the backend reported none. */
    public static String tokens(Tokens t) {
        return t.known() ? String.format(Locale.ROOT, "%.1f / %.1f", t.inputPerCall(), t.outputPerCall()) : "-";
    }

    /** {@code n} and the noun, plural unless n is 1: {@code 1 answer}, {@code 2,000 rules}. */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
