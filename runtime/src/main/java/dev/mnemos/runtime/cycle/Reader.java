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
 */
public final class Reader {

    public static final int DEFAULT_MAX_PASSES = 64;
    public static final int DEFAULT_MAX_LENGTH = 1 << 20;

    private final int maxPasses;
    private final int maxLength;

    public Reader() {
        this(DEFAULT_MAX_PASSES, DEFAULT_MAX_LENGTH);
    }

    public Reader(int maxPasses, int maxLength) {
        if (maxPasses < 1) throw new IllegalArgumentException("max passes must be at least 1, got " + maxPasses);
        if (maxLength < 1) throw new IllegalArgumentException("max length must be at least 1, got " + maxLength);
        this.maxPasses = maxPasses;
        this.maxLength = maxLength;
    }

    /** The text with every reference substituted. */
    public String read(Memory memory, String text) throws SubstitutionException {
        List<String> chain = new ArrayList<>();
        int from = text.indexOf("@[");
        int passes = 0;
        while (from >= 0) {
            if (passes == maxPasses) {
                throw new SubstitutionException("substitution did not settle after " + maxPasses
                        + " passes; labels followed: " + describe(chain), chain);
            }
            Pass pass = substitute(memory, text, from);
            if (pass.firstLabel == null) break; // only '@[' that start no reference remain
            chain.add(pass.firstLabel);
            if (pass.text == null) {
                throw new SubstitutionException("substitution grew the prompt past " + maxLength
                        + " characters; labels followed: " + describe(chain), chain);
            }
            text = pass.text;
            from = text.indexOf("@[");
            passes++;
        }
        return text;
    }

    private record Pass(String text, String firstLabel) {}

    /**
     * One pass from {@code from}, the first '@['; text before it is copied as it is.
     * The pass's text is null when it grew past the length bound.
     */
    private Pass substitute(Memory memory, String text, int from) {
        int n = text.length();
        StringBuilder out = null;
        String firstLabel = null;
        int copied = 0;
        int at = from;
        while (at >= 0) {
            int end = labelEnd(text, at + 2);
            if (end < n && end > at + 2 && text.charAt(end) == ']') {
                String label = text.substring(at + 2, end);
                if (out == null) out = new StringBuilder(n + 256);
                out.append(text, copied, at).append(memory.read(label));
                if (firstLabel == null) firstLabel = label;
                if (out.length() > maxLength) return new Pass(null, firstLabel);
                copied = end + 1;
                at = text.indexOf("@[", copied);
            } else {
                at = text.indexOf("@[", at + 1);
            }
        }
        if (out == null) return new Pass(text, null);
        out.append(text, copied, n);
        if (out.length() > maxLength) return new Pass(null, firstLabel);
        return new Pass(out.toString(), firstLabel);
    }

    private static int labelEnd(String text, int start) {
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
