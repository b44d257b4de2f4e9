package dev.mnemos.utm.prompt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small reader of llama.cpp's GBNF grammars, enough for a regular grammar such as
 * {@code prompts/instruction.gbnf}: rules {@code name ::= ...}, string literals, character classes
 * (ranges, {@code ^}), rule references, groups, alternatives and the postfix operators
 * {@code * + ? {m} {m,} {m,n}}; {@code #} comments. It answers whether a text is in the grammar's
 * language (through one regular expression the rules are inlined into; a recursive rule is
 * refused) and draws random members of it.
 */
final class Gbnf {

    private sealed interface Node permits Literal, CharClass, Ref, Seq, Alt, Repeat {}

    private record Literal(String text) implements Node {}

    private record CharClass(boolean negated, List<int[]> ranges) implements Node {}

    private record Ref(String rule) implements Node {}

    private record Seq(List<Node> items) implements Node {}

    private record Alt(List<Node> options) implements Node {}

    private record Repeat(Node item, int min, int max) implements Node {} // max -1: unbounded

    private final Map<String, Node> rules = new LinkedHashMap<>();
    private final Pattern language;

    private Gbnf(String text) {
        new Reader(text).rules();
        if (!rules.containsKey("root")) throw new IllegalArgumentException("the grammar has no root rule");
        language = Pattern.compile(regex(rules.get("root"), new HashSet<>()), Pattern.DOTALL);
    }

    static Gbnf parse(String text) {
        return new Gbnf(text);
    }

    boolean matches(String text) {
        return language.matcher(text).matches();
    }

    /** A random member of the language; unbounded repeats stop after {@code maxRepeat} items. */
    String sample(Random random, int maxRepeat) {
        StringBuilder out = new StringBuilder();
        sample(rules.get("root"), random, maxRepeat, out);
        return out.toString();
    }

    // ---- the language as one regular expression ------------------------------------------------

    private String regex(Node node, Set<String> open) {
        if (node instanceof Literal l) return Pattern.quote(l.text());
        if (node instanceof CharClass c) return charClassRegex(c);
        if (node instanceof Ref r) {
            if (!open.add(r.rule())) throw new IllegalArgumentException("rule '" + r.rule() + "' is recursive");
            Node rule = rules.get(r.rule());
            if (rule == null) throw new IllegalArgumentException("no rule '" + r.rule() + "'");
            String inner = "(?:" + regex(rule, open) + ")";
            open.remove(r.rule());
            return inner;
        }
        if (node instanceof Seq s) {
            StringBuilder out = new StringBuilder();
            for (Node n : s.items()) out.append(regex(n, open));
            return out.toString();
        }
        if (node instanceof Alt a) {
            List<String> parts = new ArrayList<>();
            for (Node n : a.options()) parts.add(regex(n, open));
            return "(?:" + String.join("|", parts) + ")";
        }
        Repeat r = (Repeat) node;
        return "(?:" + regex(r.item(), open) + "){" + r.min() + "," + (r.max() < 0 ? "" : r.max()) + "}";
    }

    private static String charClassRegex(CharClass c) {
        StringBuilder out = new StringBuilder(c.negated() ? "[^" : "[");
        for (int[] r : c.ranges()) {
            out.append(String.format("\\x{%x}", r[0]));
            if (r[1] != r[0]) out.append('-').append(String.format("\\x{%x}", r[1]));
        }
        return out.append(']').toString();
    }

    // ---- random members ------------------------------------------------------------------------

    private void sample(Node node, Random random, int maxRepeat, StringBuilder out) {
        if (node instanceof Literal l) {
            out.append(l.text());
        } else if (node instanceof CharClass c) {
            out.appendCodePoint(pick(c, random));
        } else if (node instanceof Ref r) {
            sample(rules.get(r.rule()), random, maxRepeat, out);
        } else if (node instanceof Seq s) {
            for (Node n : s.items()) sample(n, random, maxRepeat, out);
        } else if (node instanceof Alt a) {
            sample(a.options().get(random.nextInt(a.options().size())), random, maxRepeat, out);
        } else {
            Repeat r = (Repeat) node;
            int max = r.max() < 0 ? Math.max(r.min(), maxRepeat) : r.max();
            int n = r.min() + random.nextInt(max - r.min() + 1);
            for (int i = 0; i < n; i++) sample(r.item(), random, maxRepeat, out);
        }
    }

    /** A character of the class: printable ASCII, space and tab, and a few others, never a line break a negated class excludes. */
    private static int pick(CharClass c, Random random) {
        if (!c.negated()) {
            int[] r = c.ranges().get(random.nextInt(c.ranges().size()));
            return r[0] + random.nextInt(r[1] - r[0] + 1);
        }
        while (true) {
            int cp = random.nextInt(8) == 0 ? "\té€%[]=+-".codePointAt(random.nextInt(9)) : 32 + random.nextInt(95);
            boolean excluded = false;
            for (int[] r : c.ranges()) excluded |= cp >= r[0] && cp <= r[1];
            if (!excluded) return cp;
        }
    }

    // ---- reading the grammar's text ------------------------------------------------------------

    private final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        void rules() {
            skip(true);
            while (pos < s.length()) {
                String name = name();
                skip(false);
                expect("::=");
                rules.put(name, alternatives());
                skip(true);
            }
        }

        private Node alternatives() {
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (peek() == '|') {
                pos++;
                options.add(sequence());
            }
            return options.size() == 1 ? options.get(0) : new Alt(options);
        }

        /** Items up to '|', ')' or the end of the rule (a line break before the next "name ::="). */
        private Node sequence() {
            List<Node> items = new ArrayList<>();
            while (true) {
                skip(!atNextRule());
                if (pos >= s.length() || peek() == '|' || peek() == ')' || peek() == '\n') break;
                items.add(postfix(item()));
            }
            return items.size() == 1 ? items.get(0) : new Seq(items);
        }

        private boolean atNextRule() {
            int save = pos;
            try {
                skip(true);
                if (pos >= s.length() || !isNameChar(peek())) return false;
                name();
                skip(false);
                return s.startsWith("::=", pos);
            } finally {
                pos = save;
            }
        }

        private Node item() {
            char c = peek();
            if (c == '"') return literal();
            if (c == '[') return charClass();
            if (c == '(') {
                pos++;
                Node inner = alternatives();
                skip(true);
                expect(")");
                return inner;
            }
            if (isNameChar(c)) return new Ref(name());
            throw error("unexpected '" + c + "'");
        }

        private Node postfix(Node item) {
            while (pos < s.length()) {
                char c = peek();
                if (c == '*') item = new Repeat(item, 0, -1);
                else if (c == '+') item = new Repeat(item, 1, -1);
                else if (c == '?') item = new Repeat(item, 0, 1);
                else if (c == '{') {
                    int close = s.indexOf('}', pos);
                    String[] bounds = s.substring(pos + 1, close).split(",", -1);
                    int min = Integer.parseInt(bounds[0].strip());
                    int max = bounds.length == 1 ? min : bounds[1].isBlank() ? -1 : Integer.parseInt(bounds[1].strip());
                    item = new Repeat(item, min, max);
                    pos = close;
                } else break;
                pos++;
            }
            return item;
        }

        private Node literal() {
            pos++;
            StringBuilder out = new StringBuilder();
            while (peek() != '"') out.appendCodePoint(character());
            pos++;
            return new Literal(out.toString());
        }

        private Node charClass() {
            pos++;
            boolean negated = peek() == '^';
            if (negated) pos++;
            List<int[]> ranges = new ArrayList<>();
            while (peek() != ']') {
                int from = character();
                int to = from;
                if (peek() == '-' && s.charAt(pos + 1) != ']') {
                    pos++;
                    to = character();
                }
                ranges.add(new int[] {from, to});
            }
            pos++;
            return new CharClass(negated, ranges);
        }

        /** One character of a literal or class, with GBNF's escapes. */
        private int character() {
            if (pos >= s.length()) throw error("unterminated literal or class");
            char c = s.charAt(pos++);
            if (c != '\\') return c;
            char e = s.charAt(pos++);
            return switch (e) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case '\\', '"', '[', ']', '-' -> e;
                default -> throw error("unknown escape \\" + e);
            };
        }

        private String name() {
            int start = pos;
            while (pos < s.length() && isNameChar(s.charAt(pos))) pos++;
            if (pos == start) throw error("expected a rule name");
            return s.substring(start, pos);
        }

        /** Skips blanks and comments; line breaks too when {@code newlines}. */
        private void skip(boolean newlines) {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '#') {
                    while (pos < s.length() && s.charAt(pos) != '\n') pos++;
                } else if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
                    pos++;
                } else {
                    return;
                }
            }
        }

        private void expect(String text) {
            if (!s.startsWith(text, pos)) throw error("expected '" + text + "'");
            pos += text.length();
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("grammar, offset " + pos + ": " + message);
        }
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }
}
