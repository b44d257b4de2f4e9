package dev.mnemos.io;

/**
 * The one escaping function for text that came from a model or a server (or any file) before it
 * is printed: control characters (escape sequences, carriage returns, newlines, tabs, C1 codes)
 * and the bidirectional overrides and isolates that reorder what a terminal shows become visible
 * escapes: a backslash, {@code u} and four hex digits ({@code \n}, {@code \r}, {@code \t} for
 * those three). Everything else is kept, so what is printed stays on one line and means what it
 * shows. Linear in the text's length; a text with nothing to escape is returned as it is.
 */
public final class Printable {

    private Printable() {}

    /** {@code text} made safe to print on one line of a terminal (null stays null). */
    public static String of(String text) {
        if (text == null) return null;
        StringBuilder b = null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (!escaped(c)) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(text.length() + 16).append(text, 0, k);
            if (c == '\n') b.append("\\n");
            else if (c == '\t') b.append("\\t");
            else if (c == '\r') b.append("\\r");
            else b.append(String.format("\\u%04x", (int) c));
        }
        return b == null ? text : b.toString();
    }

    /**
     * Several lines made safe: each line as {@link #of}, the line breaks between them kept (a text
     * a command prints whole, such as a report table).
     */
    public static String lines(String text) {
        if (text == null) return null;
        StringBuilder out = new StringBuilder(text.length() + 16);
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            out.append(of(text.substring(start, nl))).append('\n');
            start = nl + 1;
        }
        return out.append(of(text.substring(start))).toString();
    }

    /** Whether {@code c} is one {@link #of} escapes. */
    static boolean escaped(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
