package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The Read stage of one run, remembered: a prompt is built in full once per distinct set of
 * values it reads, and every later cycle that reads the same values gets the same String
 * instance back without building, copying or hashing it again. (U15,2's worked example builds
 * 1,321 prompts for 11,850 cycles, 29 of them distinct; their 2 KB boot is copied once each.)
 *
 * <p>Why it is exact: {@link Reader#read} is a function of the instruction text and of the
 * values that memory gives for the labels it reads, which it reads one after another, each label
 * decided by the text and the values read before it. So the reads of one text form a tree: its
 * root reads the first label, each value read leads to the node that reads the next label, and
 * a leaf holds the prompt those values make. A cycle walks the tree from its text's root reading
 * memory; where no branch matches the value read, the Reader reads in full, recording the labels
 * and values, and the path is added. Reads that fail (a runaway substitution) add nothing.
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

    private final Reader reader;
    private final HashMap<String, Node> roots = new HashMap<>();
    private final HashMap<String, String> prompts = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private int nodes;
    private long chars;
    private long hits;
    private long misses;
    private boolean off;

    ReadMemo(Reader reader) {
        this.reader = reader;
    }

    /** One node of a text's tree: a label to read and where each value leads, or at a leaf the prompt. */
    private static final class Node {
        final String label;
        final String prompt;
        final HashMap<String, Node> next;

        Node(String label) {
            this.label = label;
            this.prompt = null;
            this.next = new HashMap<>(4);
        }

        Node(String label, String prompt) {
            this.label = label;
            this.prompt = prompt;
            this.next = null;
        }
    }

    /** What {@link Reader#read reader.read(memory, text)} gives: the same text. */
    String read(Memory memory, String text) throws SubstitutionException {
        if (off) return reader.read(memory, text);
        Node node = roots.get(text);
        while (node != null && node.prompt == null) node = node.next.get(memory.read(node.label));
        if (node != null) {
            hits++;
            return node.prompt;
        }
        if (++misses > GIVE_UP_AFTER && hits < misses) off = true; // a program whose prompts seldom repeat
        reads.clear();
        String prompt = reader.read(memory, text, reads);
        return remember(text, prompt);
    }

    /** Adds the path {@link #reads} took to the prompt; returns the one String for that text. */
    private String remember(String text, String built) {
        if (nodes >= MAX_NODES || chars + built.length() > MAX_CHARS) {
            roots.clear();
            prompts.clear();
            nodes = 0;
            chars = 0;
        }
        String prompt = canonical(built);
        int last = reads.size() - 2;
        if (last < 0) {
            roots.put(text, new Node(null, prompt));
            nodes++;
            return prompt;
        }
        Node node = roots.get(text);
        if (node == null) {
            node = new Node(reads.get(0));
            roots.put(text, node);
            nodes++;
        }
        for (int k = 0; k < last; k += 2) {
            Node child = node.next.get(reads.get(k + 1));
            if (child == null) {
                child = new Node(reads.get(k + 2));
                node.next.put(reads.get(k + 1), child);
                nodes++;
            }
            node = child;
        }
        node.next.put(reads.get(last + 1), new Node(null, prompt));
        nodes++;
        return prompt;
    }

    /** The one String this memo hands out for {@code prompt}'s text. */
    private String canonical(String prompt) {
        String known = prompts.putIfAbsent(prompt, prompt);
        if (known != null) return known;
        chars += prompt.length();
        return prompt;
    }
}
