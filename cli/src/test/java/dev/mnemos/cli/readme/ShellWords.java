package dev.mnemos.cli.readme;

import java.util.ArrayList;
import java.util.List;

/** A command line split into words as sh does for the READMEs' commands: quotes, and {@code #} comments. */
final class ShellWords {

    private ShellWords() {}

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '"' || c == '\'') {
                if (word == null) word = new StringBuilder();
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (word != null) words.add(word.toString());
                word = null;
            } else if (c == '#' && word == null) {
                break;
            } else {
                if (word == null) word = new StringBuilder();
                word.append(c);
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed quote in: " + line);
        if (word != null) words.add(word.toString());
        return words;
    }

    /** The word as it would be typed: quoted when it is empty or holds a space or a quote. */
    static String quote(String word) {
        if (word.contains("\"")) return "'" + word + "'";
        return word.isEmpty() || word.matches(".*[\\s'#].*") ? "\"" + word + "\"" : word;
    }
}
