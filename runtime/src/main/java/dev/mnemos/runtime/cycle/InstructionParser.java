package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Labels;

import java.util.ArrayList;
import java.util.List;

/**
 * The first half of the Write stage: turns a model's raw output into an {@link Instruction}.
 *
 * <p>Grammar, on one line, white space between parts:
 * <pre>
 *   instruction := ['"'] part (part)* ['"']
 *   part        := name '="' text '"'  |  name '+=' digits  |  name '-=' digits
 *   name        := (label-char | '%[' label ']')+
 *   text        := any characters but '"' and line breaks
 * </pre>
 * The outer quotes, as in Schuurmans' {@code " op="%[B]" %[i]="0" i+=1 "}, are optional but
 * must pair. The parser reads each character a bounded number of times: lenient mode tries each
 * line at most twice (whole, and from its first quote), so any output parses in linear time.
 */
public final class InstructionParser {

    private static final int MAX_DIGITS = 18;

    private final ParseMode mode;

    public InstructionParser(ParseMode mode) {
        this.mode = mode;
    }

    public ParseMode mode() {
        return mode;
    }

    public Instruction parse(String raw) throws ParseException {
        return mode == ParseMode.STRICT ? parseStrict(raw) : parseLenient(raw);
    }

    private static Instruction parseStrict(String raw) throws ParseException {
        String text = raw.strip();
        if (text.isEmpty()) throw new ParseException("the model's output is empty", raw);
        Line line = new Line(text);
        List<Instruction.Part> parts = line.instruction();
        if (parts == null) {
            throw new ParseException("the model's output is not an instruction (strict mode): " + line.error, raw);
        }
        return new Instruction(parts, text, "");
    }

    private static Instruction parseLenient(String raw) throws ParseException {
        int start = 0;
        int n = raw.length();
        String firstError = null;
        while (start <= n) {
            int end = raw.indexOf('\n', start);
            if (end < 0) end = n;
            String text = unfence(raw.substring(start, end).strip());
            if (!text.isEmpty()) {
                Line line = new Line(text);
                List<Instruction.Part> parts = line.instruction();
                if (parts == null && firstError == null) firstError = line.error;
                int quote = text.indexOf('"');
                if (parts == null && quote > 0) {
                    text = text.substring(quote);
                    parts = new Line(text).instruction();
                }
                if (parts != null) {
                    String before = raw.substring(0, start).strip();
                    String after = raw.substring(end).strip();
                    String skipped = before.isEmpty() || after.isEmpty() ? before + after : before + "\n" + after;
                    return new Instruction(parts, text, skipped);
                }
            }
            start = end + 1;
        }
        throw new ParseException("no line of the model's output is an instruction (lenient mode)"
                + (firstError == null ? "" : "; first line: " + firstError), raw);
    }

    /** Drops Markdown's inline code marks around a line. */
    private static String unfence(String line) {
        int a = 0;
        int b = line.length();
        while (a < b && line.charAt(a) == '`') a++;
        while (b > a && line.charAt(b - 1) == '`') b--;
        return line.substring(a, b).strip();
    }

    /** A recursive-descent parser over one line of text. */
    private static final class Line {
        private final String s;
        private int pos;
        private String error;

        Line(String s) {
            this.s = s;
        }

        /** The parts, or null with {@link #error} set. */
        List<Instruction.Part> instruction() {
            boolean quoted = peek() == '"';
            if (quoted) pos++;
            List<Instruction.Part> parts = new ArrayList<>(4);
            while (true) {
                skipBlanks();
                if (peek() == '\n' || peek() == '\r') return fail("a line break at column " + (pos + 1) + ": an instruction is one line");
                if (atEnd()) {
                    if (quoted) return fail("the opening quote is not closed");
                    break;
                }
                if (quoted && peek() == '"') {
                    pos++;
                    skipBlanks();
                    if (!atEnd()) return fail("text after the closing quote at column " + (pos + 1));
                    break;
                }
                if (!parts.isEmpty() && !Character.isWhitespace(s.charAt(pos - 1)) && s.charAt(pos - 1) != '"') {
                    return fail("parts must be separated by white space at column " + (pos + 1));
                }
                Instruction.Part part = part();
                if (part == null) return null;
                parts.add(part);
            }
            if (parts.isEmpty()) return fail("no assignment or update");
            return parts;
        }

        private Instruction.Part part() {
            int start = pos;
            String name = name();
            if (name == null) return null;
            if (startsWith("=\"")) {
                pos += 2;
                int close = pos;
                while (close < s.length() && s.charAt(close) != '"' && s.charAt(close) != '\n' && s.charAt(close) != '\r') close++;
                if (close == s.length() || s.charAt(close) != '"') return fail("the value of '" + name + "' has no closing quote");
                String value = s.substring(pos, close);
                pos = close + 1;
                return new Instruction.Assign(name, value);
            }
            boolean minusInName = name.endsWith("-") && startsWith("=") && !startsWith("=\"");
            if (minusInName || startsWith("+=") || startsWith("-=")) {
                // '-' is a label character: in "i-=1" the name scan took "i-"; give the '-' back
                boolean minus = minusInName || s.charAt(pos) == '-';
                if (minusInName) {
                    name = name.substring(0, name.length() - 1);
                    pos -= 1;
                    if (name.isEmpty()) return fail("expected a name before '-=' at column " + (start + 1));
                }
                pos += 2;
                int digitsStart = pos;
                while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
                int digits = pos - digitsStart;
                if (digits == 0) return fail("'" + name + (minus ? "-=" : "+=") + "' needs a number at column " + (pos + 1));
                if (digits > MAX_DIGITS) return fail("the number after '" + name + "' is too large");
                long n = Long.parseLong(s, digitsStart, pos, 10);
                return new Instruction.Update(name, minus ? -n : n);
            }
            pos = start;
            return fail("expected name=\"value\", name+=n or name-=n at column " + (start + 1));
        }

        /** Label characters and %[label] references; null with an error when there are none. */
        private String name() {
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Labels.isLabelChar(c)) {
                    pos++;
                } else if (c == '%' && startsWith("%[")) {
                    int end = pos + 2;
                    while (end < s.length() && Labels.isLabelChar(s.charAt(end))) end++;
                    if (end == pos + 2 || end == s.length() || s.charAt(end) != ']') {
                        return failName("a reference in a name must be %[label] at column " + (pos + 1));
                    }
                    pos = end + 1;
                } else {
                    break;
                }
            }
            if (pos == start) return failName("expected a name at column " + (start + 1));
            return s.substring(start, pos);
        }

        private String failName(String message) {
            error = message;
            return null;
        }

        private <T> T fail(String message) {
            error = message;
            return null;
        }

        private boolean startsWith(String prefix) {
            return s.startsWith(prefix, pos);
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private boolean atEnd() {
            return pos >= s.length();
        }

        /** Skips white space up to the end of the line. */
        private void skipBlanks() {
            while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r' && Character.isWhitespace(s.charAt(pos))) pos++;
        }
    }
}
