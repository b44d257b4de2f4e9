package dev.mnemos.io;

import java.util.regex.Pattern;

/**
 * Where a file is wrong, in the one format every message uses: {@code FILE:LINE:COLUMN: what is
 * wrong}, or {@code FILE:LINE: what is wrong} when there is no column, or {@code FILE: what is
 * wrong} when there is no line either. Lines and columns count from 1, as editors do.
 */
public final class FilePosition {

    private static final Pattern START_MARKER =
            Pattern.compile("\\s*\\(start marker at \\[Source:.*?; line: (\\d+), column: (\\d+)\\]\\)", Pattern.DOTALL);
    private static final Pattern SOURCE = Pattern.compile("\\s*(at )?\\[Source:.*?(\\]|$)", Pattern.DOTALL);
    private static final Pattern INPUT_SOURCE = Pattern.compile("\\s*\\(for input source[^)]*\\)");
    private static final Pattern TOKEN = Pattern.compile("\\s*\\(token `?JsonToken\\.\\w+`?\\)");
    private static final Pattern CLASS = Pattern.compile("\\s*\\(class [\\w.$]+\\)");
    private static final Pattern JAVA_TYPE = Pattern.compile("`?\\b(?:java\\.lang|java\\.util|java\\.math)\\.(\\w+)`?");

    private FilePosition() {}

    /** {@code FILE:LINE:COLUMN: what}; a line or column below 1 is left out. */
    public static String message(Object file, long line, long column, String what) {
        StringBuilder b = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) b.append(':').append(column);
        }
        return b.append(": ").append(what).toString();
    }

    /** {@code FILE:LINE: what}. */
    public static String message(Object file, long line, String what) {
        return message(file, line, 0, what);
    }

    /**
     * A parser's message as a user should read it: on one line, without the parser's internals (the
     * source excerpt and its position, class and token names); a start marker's position stays, in words.
     */
    public static String clean(String parserMessage) {
        if (parserMessage == null || parserMessage.isBlank()) return "malformed";
        String s = START_MARKER.matcher(parserMessage).replaceAll(" (opened at line $1, column $2)");
        s = SOURCE.matcher(s).replaceAll("");
        s = INPUT_SOURCE.matcher(s).replaceAll("");
        s = TOKEN.matcher(s).replaceAll("");
        s = CLASS.matcher(s).replaceAll("");
        s = JAVA_TYPE.matcher(s).replaceAll("$1");
        return s.replace("`", "").replaceAll("\\s+", " ").strip();
    }
}
