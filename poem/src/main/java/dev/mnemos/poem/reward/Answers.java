package dev.mnemos.poem.reward;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading labels out of model answers; every method is one linear pass over the text. */
public final class Answers {

    private Answers() {}

    /** Lower case, white space collapsed, punctuation and quotes trimmed from both ends. */
    public static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int start = 0, end = lower.length();
        while (start < end && !Character.isLetterOrDigit(lower.charAt(start))) start++;
        while (end > start && !Character.isLetterOrDigit(lower.charAt(end - 1))) end--;
        StringBuilder out = new StringBuilder(end - start);
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && out.length() > 0) out.append(' ');
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Words: runs of letters and digits, lower case. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                w.append(Character.toLowerCase(c));
            } else if (w.length() > 0) {
                words.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) words.add(w.toString());
        return words;
    }

    /**
     * The label an answer gives: the whole answer when it is a label ("Sport." is sport), else the
     * one label named as a whole word on its first line ("The topic is sport"); empty when the
     * answer names no label or more than one.
     */
    public static Optional<String> label(String answer, List<String> labels) {
        String whole = normalize(answer);
        for (String l : labels) if (normalize(l).equals(whole)) return Optional.of(l);
        int nl = answer.indexOf('\n', answer.isBlank() ? 0 : firstNonBlank(answer));
        String firstLine = " " + String.join(" ", words(nl < 0 ? answer : answer.substring(0, nl))) + " ";
        String found = null;
        for (String l : labels) {
            String key = " " + String.join(" ", words(l)) + " ";
            if (key.isBlank()) continue;
            if (firstLine.contains(key)) {
                if (found != null) return Optional.empty();
                found = l;
            }
        }
        return Optional.ofNullable(found);
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }
}
