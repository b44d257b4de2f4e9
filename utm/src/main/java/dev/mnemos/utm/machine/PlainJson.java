package dev.mnemos.utm.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tree of a small, plain JSON text, read without jackson-core's parser, whose set-up costs a
 * command's start about 2 ms (the files read at a start are a few hundred bytes). Plain means:
 * strings of printable ASCII without escapes, of at most 10,000 characters, integers of at most
 * nine digits, {@code true}, {@code false}, {@code null}, objects without a key given twice,
 * nesting at most 64 deep, JSON's white space. Anything else, valid or not, gives null, and {@link JsonFile#tree} reads the text
 * with jackson-core instead, so that its tree and its error messages are always jackson-core's.
 * One pass over the text: linear time.
 */
final class PlainJson {

    private static final int MAX_DEPTH = 64;
    private static final int MAX_DIGITS = 9;
    /** Longer strings are left to jackson-core, whose own bounds on names and strings then hold. */
    private static final int MAX_STRING = 10_000;

    private final String text;
    private int at;

    private PlainJson(String text) {
        this.text = text;
    }

    /** The text's one value (white space around it), or null when the text is not plain JSON. */
    static JsonNode tree(String text) {
        PlainJson p = new PlainJson(text);
        JsonNode value = p.value(0);
        if (value == null) return null;
        p.skipSpace();
        return p.at == text.length() ? value : null;
    }

    private JsonNode value(int depth) {
        skipSpace();
        if (at == text.length() || depth > MAX_DEPTH) return null;
        char c = text.charAt(at);
        if (c == '{') return object(depth + 1);
        if (c == '[') return array(depth + 1);
        if (c == '"') {
            String s = string();
            return s == null ? null : JsonNodeFactory.instance.textNode(s);
        }
        if (c == '-' || (c >= '0' && c <= '9')) return integer();
        if (word("true")) return JsonNodeFactory.instance.booleanNode(true);
        if (word("false")) return JsonNodeFactory.instance.booleanNode(false);
        if (word("null")) return JsonNodeFactory.instance.nullNode();
        return null;
    }

    private JsonNode object(int depth) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        at++; // {
        skipSpace();
        if (next('}')) return o;
        do {
            skipSpace();
            if (at == text.length() || text.charAt(at) != '"') return null;
            String key = string();
            if (key == null || o.has(key)) return null;
            skipSpace();
            if (!next(':')) return null;
            JsonNode v = value(depth);
            if (v == null) return null;
            o.set(key, v);
            skipSpace();
        } while (next(','));
        return next('}') ? o : null;
    }

    private JsonNode array(int depth) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        at++; // [
        skipSpace();
        if (next(']')) return a;
        do {
            JsonNode v = value(depth);
            if (v == null) return null;
            a.add(v);
            skipSpace();
        } while (next(','));
        return next(']') ? a : null;
    }

    /** A string at the opening quote, or null when it holds an escape, a control or non-ASCII character, or does not end. */
    private String string() {
        int from = ++at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') return text.substring(from, at++);
            if (c == '\\' || c < 0x20 || c > 0x7e || at - from >= MAX_STRING) return null;
            at++;
        }
        return null;
    }

    /** An integer of at most nine digits, without a leading zero, ended by a delimiter; else null. */
    private JsonNode integer() {
        int from = at;
        if (text.charAt(at) == '-') at++;
        int digits = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') at++;
        int n = at - digits;
        if (n == 0 || n > MAX_DIGITS || (n > 1 && text.charAt(digits) == '0')) return null;
        if (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) return null; // 1.5, 1e3, 12abc
        return JsonNodeFactory.instance.numberNode(Integer.parseInt(text, from, at, 10));
    }

    private boolean word(String w) {
        if (!text.startsWith(w, at)) return false;
        int end = at + w.length();
        if (end < text.length() && ",}] \t\r\n".indexOf(text.charAt(end)) < 0) return false; // truex
        at = end;
        return true;
    }

    private boolean next(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            at++;
        }
    }
}
