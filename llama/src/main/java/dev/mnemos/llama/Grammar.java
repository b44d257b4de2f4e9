package dev.mnemos.llama;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A GBNF grammar (llama.cpp's grammar format) for constrained decoding, checked before it reaches
 * the engine: llama.cpp prints a grammar that does not parse on its own standard error and then
 * decodes unconstrained, so a typo would silently turn the constraint off. The check is linear in
 * the text: literals, character classes, groups and repetitions must close, every rule used must be
 * defined, and a {@code root} rule must exist.
 */
public final class Grammar {

    private final String text;
    private final String source;
    private final Map<String, Integer> references = new LinkedHashMap<>();
    private final Set<String> defined = new HashSet<>();
    private int pos;
    private int line = 1;
    private int depth;

    private Grammar(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * Checks {@code text}; {@code source} names it in messages (a file name, or "the grammar").
     *
     * @return the text, unchanged
     * @throws IllegalArgumentException "SOURCE:LINE: what is wrong"
     */
    public static String check(String text, String source) {
        Grammar g = new Grammar(text, source);
        g.scan();
        return text;
    }

    private void scan() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') line++;
            if (Character.isWhitespace(c)) pos++;
            else if (c == '#') skipComment();
            else if (isNameChar(c)) name();
            else if (c == '"') quoted('"', "a literal");
            else if (c == '[') quoted(']', "a character class");
            else if (c == '(') { depth++; pos++; }
            else if (c == ')') closeGroup();
            else if (c == '{') repetition();
            else if ("|*+?.".indexOf(c) >= 0) pos++;
            else throw error("unexpected character '" + c + "'");
        }
        if (depth > 0) throw error("a group '(' is not closed");
        for (Map.Entry<String, Integer> ref : references.entrySet()) {
            if (!defined.contains(ref.getKey())) {
                throw new IllegalArgumentException(source + ":" + ref.getValue() + ": rule '" + ref.getKey() + "' is used but not defined");
            }
        }
        if (!defined.contains("root")) throw new IllegalArgumentException(source + ": no 'root' rule (decoding starts there)");
    }

    private void name() {
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) pos++;
        String name = text.substring(start, pos);
        int after = pos;
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) after++;
        if (text.startsWith("::=", after)) {
            if (depth > 0) throw error("rule '" + name + "' is defined inside a group");
            defined.add(name);
            pos = after + 3;
        } else {
            references.putIfAbsent(name, line);
        }
    }

    private void quoted(char close, String what) {
        int startLine = line;
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') break;
            if (c == '\\') pos += 2;
            else if (c == close) { pos++; return; }
            else pos++;
        }
        line = startLine;
        throw error(what + " is not closed on its line");
    }

    private void closeGroup() {
        if (depth == 0) throw error("')' without an open group");
        depth--;
        pos++;
    }

    private void repetition() {
        int close = text.indexOf('}', pos);
        if (close < 0 || !text.substring(pos + 1, close).matches("\\s*\\d+\\s*(,\\s*\\d*\\s*)?")) {
            throw error("a repetition must read {m}, {m,} or {m,n}");
        }
        pos = close + 1;
    }

    private void skipComment() {
        while (pos < text.length() && text.charAt(pos) != '\n') pos++;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(source + ":" + line + ": " + what);
    }
}
