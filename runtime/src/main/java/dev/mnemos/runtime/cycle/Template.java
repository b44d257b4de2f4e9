package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first Read pass over one instruction text, planned once: the text cut at its innermost
 * references ({@code @[label]}) into pieces, and where each piece keeps a {@code @[} that starts
 * no reference. {@link #substitute} then does what {@link Reader}'s pass does on the text, piece
 * by piece: the same output, the same first label and the same place for the next pass to start.
 */
final class Template {

    private final Reader reader;
    /** The text between references: one more piece than labels. */
    private final String[] pieces;
    private final String[] labels;
    /** Per piece: where in it the first '@[' that starts no reference is, or -1. */
    private final int[] kept;

    private Template(Reader reader, String[] pieces, String[] labels, int[] kept) {
        this.reader = reader;
        this.pieces = pieces;
        this.labels = labels;
        this.kept = kept;
    }

    /** The plan of {@code text}'s first pass, or null when it holds no '@['. */
    static Template plan(Reader reader, String text) {
        int at = Reader.find(text, 0);
        if (at < 0) return null;
        List<String> pieces = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        int copied = 0;
        int keptHere = -1;
        while (at >= 0) {
            int end = Reader.labelEnd(text, at + 2);
            if (end < text.length() && end > at + 2 && text.charAt(end) == ']') {
                pieces.add(text.substring(copied, at));
                kept.add(keptHere);
                labels.add(text.substring(at + 2, end));
                copied = end + 1;
                keptHere = -1;
                at = Reader.find(text, copied);
            } else {
                if (keptHere < 0) keptHere = at - copied;
                at = Reader.find(text, at + 1);
            }
        }
        pieces.add(text.substring(copied));
        kept.add(keptHere);
        return new Template(reader, pieces.toArray(String[]::new), labels.toArray(String[]::new),
                kept.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The first pass, appended to {@code out}: as {@link Reader#substitute} on the text. */
    Reader.Pass substitute(Memory memory, StringBuilder out, ReadLog log) {
        String firstLabel = labels.length == 0 ? null : labels[0];
        int next = -1;
        for (int k = 0; k < labels.length; k++) {
            if (next < 0 && kept[k] >= 0) next = out.length() + kept[k];
            out.append(pieces[k]);
            String value = memory.read(labels[k]);
            if (log != null) log.read(labels[k], value, -1, -1, out.length());
            if (next < 0) next = reader.nextStart(out, value);
            out.append(value);
            if (out.length() > reader.maxLength()) return new Reader.Pass(firstLabel, -1);
        }
        int last = labels.length;
        if (next < 0 && kept[last] >= 0) next = out.length() + kept[last];
        out.append(pieces[last]);
        return new Reader.Pass(firstLabel, next);
    }

    /**
     * The plans of the instruction texts read so far, by text. A program has a few; one that
     * makes new texts as it runs clears the cache each time it holds {@value #MAX} of them.
     */
    static final class Cache {
        static final int MAX = 1024;
        /** Marks a text with no '@[' (nothing to plan). */
        private static final Template NONE = new Template(null, new String[0], new String[0], new int[0]);

        private final ConcurrentHashMap<String, Template> plans = new ConcurrentHashMap<>();

        /** The plan of {@code text}, or null when it holds no '@['. */
        Template of(Reader reader, String text) {
            Template t = plans.get(text);
            if (t == null) {
                if (plans.size() >= MAX) plans.clear();
                Template planned = plan(reader, text);
                t = planned == null ? NONE : planned;
                plans.put(text, t);
            }
            return t == NONE ? null : t;
        }
    }
}
