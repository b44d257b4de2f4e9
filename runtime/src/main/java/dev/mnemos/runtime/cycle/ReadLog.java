package dev.mnemos.runtime.cycle;

import java.util.Arrays;

/**
 * What one {@link Reader#read} did, for {@link ReadMemo}: each label read and the value it gave,
 * in the order read, and which values served only as labels.
 *
 * <p>A value serves only as a label when the next pass reads it as a label whole: it was
 * inserted between {@code @[} and {@code ]} with nothing else, as {@code @[@[i]]} inserts i's
 * value. Nothing of it is left in the prompt then (the next pass replaced it), so the prompt
 * depends on it only through the value read under it: any other value that is a label would
 * have been read the same way. Which read took its label from which value is found by place:
 * each value's span in a pass's output, matched against the labels of the next pass.
 */
final class ReadLog {

    private String[] labels = new String[8];
    private String[] values = new String[8];
    /** Per read: the read whose value was its label, or -1. */
    private int[] labelFrom = new int[8];
    /** Per read: whether its value was a later read's label, whole. */
    private boolean[] labelOnly = new boolean[8];
    private int size;

    /** The current pass's inserted values: read, start, end (in the output), three ints each. */
    private int[] spans = new int[24];
    private int spanCount;
    /** The same for the pass before, and where its output starts in the current pass's text. */
    private int[] before = new int[24];
    private int beforeCount;
    private int base;
    /** Where in {@link #before} the next label's search starts: both are in the order of the text. */
    private int cursor;
    /** The longest the output was at the end of a pass. */
    private int peak;

    void clear() {
        size = 0;
        spanCount = 0;
        beforeCount = 0;
        cursor = 0;
        peak = 0;
    }

    int size() {
        return size;
    }

    String label(int read) {
        return labels[read];
    }

    String value(int read) {
        return values[read];
    }

    /** The read whose value was read {@code read}'s label, or -1. */
    int labelFrom(int read) {
        return labelFrom[read];
    }

    /** Whether read {@code read}'s value served only as a later read's label. */
    boolean labelOnly(int read) {
        return labelOnly[read];
    }

    /** The longest the output was at the end of a pass. */
    int peak() {
        return peak;
    }

    /**
     * Records a read whose label is at {@code start..end} of the current pass's text, and whose
     * value was then inserted into the output at {@code at}.
     */
    void read(String label, String value, int start, int end, int at) {
        if (size == labels.length) grow();
        int from = labelAt(start, end);
        labels[size] = label;
        values[size] = value;
        labelFrom[size] = from;
        labelOnly[size] = false;
        if (from >= 0) labelOnly[from] = true;
        if (spanCount + 3 > spans.length) spans = Arrays.copyOf(spans, spans.length * 2);
        spans[spanCount++] = size;
        spans[spanCount++] = at;
        spans[spanCount++] = at + value.length();
        size++;
    }

    /**
     * The read of the pass before whose value was inserted exactly where {@code start..end} of
     * this pass's text is, or -1. Labels are looked up in the order of the text, and the values
     * were inserted in that order: the search goes on from where the last one stopped (linear in
     * the pass, whatever its number of references; the values that start at one place, empty ones
     * and the one after them, are looked at by the one label that starts there).
     */
    private int labelAt(int start, int end) {
        int from = start + base;
        while (cursor < beforeCount && before[cursor + 1] < from) cursor += 3;
        for (int k = cursor; k < beforeCount && before[k + 1] == from; k += 3) {
            if (before[k + 2] == end + base) return before[k];
        }
        return -1;
    }

    /** A pass ended with the output {@code length} long; the next reads its output from {@code next} on. */
    void nextPass(int length, int next) {
        peak = Math.max(peak, length);
        int[] swap = before;
        before = spans;
        spans = swap;
        beforeCount = spanCount;
        spanCount = 0;
        cursor = 0;
        base = next;
    }

    /** The last pass ended with the output {@code length} long. */
    void lastPass(int length) {
        peak = Math.max(peak, length);
    }

    private void grow() {
        int n = labels.length * 2;
        labels = Arrays.copyOf(labels, n);
        values = Arrays.copyOf(values, n);
        labelFrom = Arrays.copyOf(labelFrom, n);
        labelOnly = Arrays.copyOf(labelOnly, n);
    }
}
