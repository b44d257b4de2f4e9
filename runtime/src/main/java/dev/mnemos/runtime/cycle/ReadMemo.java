package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Labels;
import dev.mnemos.runtime.memory.Memory;

import java.util.Arrays;
import java.util.HashMap;

/**
 * The Read stage of one run, remembered: a prompt is built in full once per distinct set of
 * values it reads, and every later cycle that reads the same values gets the same String
 * instance back without building, copying or hashing it again. (U15,2's worked example builds
 * its 29 distinct prompts once each for 11,850 cycles; their 2 KB boot is copied 29 times.)
 *
 * <p>Why it is exact: {@link Reader#read} is a function of the instruction text and of the
 * values that memory gives for the labels it reads, which it reads one after another, each label
 * decided by the text and the values read before it. So the reads of one text form a tree: its
 * root reads the first label, each value read leads to the node that reads the next label, and
 * a leaf holds the prompt those values make. A cycle walks the tree from its text's root reading
 * memory; where no branch matches the value read, the Reader reads in full, recording the labels
 * and values, and the path is added. Reads that fail (a runaway substitution) add nothing.
 *
 * <p>A value that served only as a label ({@link ReadLog}: {@code @[@[i]]} reads i, then the cell
 * i names) is not branched on: the node passes it on as the label of the read that used it, so
 * that U15,2's prompts are found whatever cell the head is on (one path per state and symbol read
 * instead of one per state and head position: 1,321 reads in full on the worked example before,
 * 29 now; 4,098 on the spec's example before, 29 now). Any value made of
 * label characters, at most {@value #MAX_PASSED} of them, is read so; any other is a miss, read
 * in full.
 *
 * <p>Equal prompts are one String ({@link #canonical}), so a backend or a cache that keys on
 * the prompt finds its hash computed already and compares it by identity first.
 *
 * <p>Bounded: when it holds {@value #MAX_NODES} nodes or prompts of {@value #MAX_CHARS}
 * characters in all, it starts again empty; a run whose prompts seldom repeat (more built than
 * found after {@value #GIVE_UP_AFTER}) reads without it from then on. One run's, not thread-safe.
 */
final class ReadMemo {

    static final int MAX_NODES = 1 << 16;
    static final long MAX_CHARS = 1 << 22;
    /** Past this many reads built in full, a memo that has saved fewer than it built stops remembering. */
    static final int GIVE_UP_AFTER = 4096;
    /** The longest value a node passes on as a label (a longer one is a miss). */
    static final int MAX_PASSED = 64;

    private final Reader reader;
    private final HashMap<String, Node> roots = new HashMap<>();
    private final HashMap<String, String> prompts = new HashMap<>();
    private final ReadLog log = new ReadLog();
    /** The values read on the way down the tree, by read (those passed on as labels). */
    private String[] passed = new String[8];
    private int nodes;
    private long chars;
    private long hits;
    private long misses;
    private boolean off;

    ReadMemo(Reader reader) {
        this.reader = reader;
    }

    /**
     * One node of a text's tree: a label to read (or the read whose value is the label) and where
     * each value leads, or where every value leads when it serves only as a label; at a leaf, the prompt.
     */
    private static final class Node {
        final String label;
        final int labelFrom;
        final boolean labelOnly;
        final String prompt;
        final HashMap<String, Node> next;
        Node passedOn;

        Node(String label, int labelFrom, boolean labelOnly) {
            this.label = label;
            this.labelFrom = labelFrom;
            this.labelOnly = labelOnly;
            this.prompt = null;
            this.next = labelOnly ? null : new HashMap<>(4);
        }

        Node(String prompt) {
            this.label = null;
            this.labelFrom = -1;
            this.labelOnly = false;
            this.prompt = prompt;
            this.next = null;
        }

        /** Whether this node reads what read {@code k} of {@code log} read, the same way. */
        boolean reads(ReadLog log, int k, boolean passing) {
            boolean only = passing && log.labelOnly(k);
            int from = passing ? log.labelFrom(k) : -1;
            return prompt == null && labelOnly == only && labelFrom == from && (from >= 0 || label.equals(log.label(k)));
        }
    }

    /** What {@link Reader#read reader.read(memory, text)} gives: the same text. */
    String read(Memory memory, String text) throws SubstitutionException {
        if (off) return reader.read(memory, text);
        Node node = roots.get(text);
        for (int k = 0; node != null && node.prompt == null; k++) {
            String value = memory.read(node.labelFrom < 0 ? node.label : passed[node.labelFrom]);
            if (!node.labelOnly) {
                node = node.next.get(value);
            } else if (value.length() <= MAX_PASSED && Labels.isLabel(value)) {
                if (k >= passed.length) passed = Arrays.copyOf(passed, Math.max(k + 1, passed.length * 2));
                passed[k] = value;
                node = node.passedOn;
            } else {
                node = null;
            }
        }
        if (node != null) {
            hits++;
            return node.prompt;
        }
        if (++misses > GIVE_UP_AFTER && hits < misses) off = true; // a program whose prompts seldom repeat
        log.clear();
        String prompt = reader.read(memory, text, log);
        return remember(text, prompt);
    }

    /** How many reads were built in full (not found in the tree). */
    long built() {
        return misses;
    }

    /**
     * Adds the path the log's reads took to the prompt (unless the tree reads another way there);
     * returns the one String for that text.
     */
    private String remember(String text, String built) {
        if (nodes >= MAX_NODES || chars + built.length() > MAX_CHARS) {
            roots.clear();
            prompts.clear();
            nodes = 0;
            chars = 0;
        }
        String prompt = canonical(built);
        int reads = log.size();
        // a value passed on may be up to MAX_PASSED longer than the one read here: no pass may then grow past the bound
        boolean passing = log.peak() + (long) MAX_PASSED * reads <= reader.maxLength();
        if (reads == 0) {
            if (roots.putIfAbsent(text, new Node(prompt)) == null) nodes++;
            return prompt;
        }
        Node node = roots.get(text);
        if (node == null) {
            node = add(0, passing);
            roots.put(text, node);
        }
        for (int k = 0; k < reads; k++) {
            if (!node.reads(log, k, passing)) return prompt; // (another value earlier on the path made another shape)
            boolean last = k == reads - 1;
            Node child = node.labelOnly ? node.passedOn : node.next.get(log.value(k));
            if (child == null) {
                child = last ? new Node(prompt) : add(k + 1, passing);
                nodes += last ? 1 : 0;
                if (node.labelOnly) node.passedOn = child;
                else node.next.put(log.value(k), child);
            }
            node = child;
        }
        return prompt;
    }

    /** A new node for read {@code k} of the log. */
    private Node add(int k, boolean passing) {
        nodes++;
        int from = passing ? log.labelFrom(k) : -1;
        return new Node(from >= 0 ? null : log.label(k), from, passing && log.labelOnly(k));
    }

    /** The one String this memo hands out for {@code prompt}'s text. */
    private String canonical(String prompt) {
        String known = prompts.putIfAbsent(prompt, prompt);
        if (known != null) return known;
        chars += prompt.length();
        return prompt;
    }
}
