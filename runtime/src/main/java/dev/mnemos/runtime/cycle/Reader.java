package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Labels;
import dev.mnemos.runtime.memory.Memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The Read stage: replaces every {@code @[label]} by the label's value, innermost first, and
 * repeats until no {@code @[...]} reference remains.
 *
 * <p>One pass replaces every innermost reference, {@code @[} then a label then {@code ]}, at
 * once; the values it inserts are scanned again only by the next pass. So {@code @[@[i]]} with
 * {@code i = 263} reads {@code @[263]} after the first pass and cell 263's value after the second.
 * A {@code @[} that does not start a reference (say {@code @[x y]}) is kept as text. Each pass is
 * linear in the text's length; passes and result length are bounded.
 *
 * <p>The first pass over an instruction text is planned once per text ({@link Template}): its
 * references and the text between them, so a cycle copies whole pieces instead of scanning.
 * A Reader may be shared by machines on several threads.
 */
public final class Reader {

    public static final int DEFAULT_MAX_PASSES = 64;
    public static final int DEFAULT_MAX_LENGTH = 1 << 20;

    /** A value at least this long found without '@' is remembered ({@link #indexOfAt}). */
    private static final int LONG_VALUE = 256;

    private final int maxPasses;
    private final int maxLength;
    private final Template.Cache templates = new Template.Cache();
    /** (A hint, shared without locks: any value is right.) The length of the last prompt read, to size the next. */
    private int lastLength;
    /** (Shared without locks: a String reference is read and written whole.) See {@link #indexOfAt}. */
    private String longValueWithoutAt;

    public Reader() {
        this(DEFAULT_MAX_PASSES, DEFAULT_MAX_LENGTH);
    }

    public Reader(int maxPasses, int maxLength) {
        if (maxPasses < 1) throw new IllegalArgumentException("max passes must be at least 1, got " + maxPasses);
        if (maxLength < 1) throw new IllegalArgumentException("max length must be at least 1, got " + maxLength);
        this.maxPasses = maxPasses;
        this.maxLength = maxLength;
    }

    int maxLength() {
        return maxLength;
    }

    /** The text with every reference substituted. */
    public String read(Memory memory, String text) throws SubstitutionException {
        return read(memory, text, null);
    }

    /**
     * As {@link #read(Memory, String)}, recording in {@code log} (when not null) each label read
     * and the value it gave, in the order read, and which values served only as labels: the
     * result is a function of the text and those values alone, the values that served only as
     * labels standing for any label ({@link ReadMemo} relies on it).
     */
    String read(Memory memory, String text, ReadLog log) throws SubstitutionException {
        Template template = templates.of(this, text);
        if (template == null) return text;
        StringBuilder out = new StringBuilder(text.length() + lastLength + 64);
        Pass pass = template.substitute(memory, out, log);
        List<String> chain = new ArrayList<>();
        int passes = 0;
        while (true) {
            if (pass.firstLabel == null) break; // only '@[' that start no reference remain
            if (passes == maxPasses) { // a reference remains after the last pass allowed
                throw new SubstitutionException("substitution did not settle after " + maxPasses
                        + " passes; labels followed: " + describe(chain), chain);
            }
            chain.add(pass.firstLabel);
            if (out.length() > maxLength) {
                throw new SubstitutionException("substitution grew the prompt past " + maxLength
                        + " characters; labels followed: " + describe(chain), chain);
            }
            if (pass.next < 0) break;
            // the text before pass.next is final: the next pass reads only what follows it
            String source = out.substring(pass.next);
            if (log != null) log.nextPass(out.length(), pass.next);
            out.setLength(pass.next);
            passes++;
            pass = substitute(memory, source, 0, out, log);
        }
        if (log != null) log.lastPass(out.length());
        lastLength = out.length();
        return out.toString();
    }

    /**
     * @param firstLabel the first label substituted, or null when the pass substituted none
     * @param next       where in the output the next pass must start reading (the first '@[' it
     *                   may find), or -1 when no reference can remain
     */
    record Pass(String firstLabel, int next) {}

    /**
     * One pass over {@code text}, appending the result to {@code out}; text before {@code from}
     * (which holds no '@[') is copied as it is. A '@[' can appear in the result only where this
     * pass kept one that starts no reference, inside an inserted value, or where a kept '@' meets
     * a value starting with '[' (or, past an empty value, the text after it); the first such place
     * is where the next pass starts.
     */
    Pass substitute(Memory memory, String text, int from, StringBuilder out, ReadLog log) {
        int n = text.length();
        String firstLabel = null;
        int next = -1;
        int copied = 0;
        int at = find(text, from); // from may be a '@' of an inserted value that starts no reference
        while (at >= 0) {
            int end = labelEnd(text, at + 2);
            if (end < n && end > at + 2 && text.charAt(end) == ']') {
                String label = text.substring(at + 2, end);
                out.append(text, copied, at);
                String value = memory.read(label);
                if (log != null) log.read(label, value, at + 2, end, out.length());
                if (next < 0) next = nextStart(out, value);
                out.append(value);
                if (firstLabel == null) firstLabel = label;
                if (out.length() > maxLength) return new Pass(firstLabel, -1);
                copied = end + 1;
                at = find(text, copied);
            } else {
                if (next < 0) next = out.length() + (at - copied);
                at = find(text, at + 1);
            }
        }
        out.append(text, copied, n);
        return new Pass(firstLabel, next);
    }

    /**
     * Where a '@[' may start once {@code value} is appended to {@code out}, or -1. A kept '@'
     * before an empty value may meet a '[' of the text that follows.
     */
    int nextStart(StringBuilder out, String value) {
        int p = out.length();
        if (p > 0 && out.charAt(p - 1) == '@' && (value.isEmpty() || value.charAt(0) == '[')) return p - 1;
        int at = indexOfAt(value);
        return at < 0 ? -1 : p + at;
    }

    /**
     * The first '@' in {@code value}, or -1. A long value found without one is remembered (the
     * same String every cycle: U15,2's 2 KB boot), so it is not scanned again.
     */
    private int indexOfAt(String value) {
        if (value == longValueWithoutAt) return -1;
        int at = value.indexOf('@');
        if (at < 0 && value.length() >= LONG_VALUE) longValueWithoutAt = value;
        return at;
    }

    /** The first "@[" at or after {@code from}, or -1 (a char search, which the JIT vectorises). */
    static int find(String text, int from) {
        int n = text.length();
        int at = text.indexOf('@', from);
        while (at >= 0 && at + 1 < n) {
            if (text.charAt(at + 1) == '[') return at;
            at = text.indexOf('@', at + 1);
        }
        return -1;
    }

    static int labelEnd(String text, int start) {
        int i = start;
        int n = text.length();
        while (i < n && Labels.isLabelChar(text.charAt(i))) i++;
        return i;
    }

    private static String describe(List<String> chain) {
        int shown = Math.min(chain.size(), 8);
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < shown; k++) {
            if (k > 0) s.append(" -> ");
            s.append("@[").append(chain.get(k)).append(']');
        }
        if (chain.size() > shown) s.append(" -> ... (").append(chain.size() - shown).append(" more)");
        return s.toString();
    }
}
