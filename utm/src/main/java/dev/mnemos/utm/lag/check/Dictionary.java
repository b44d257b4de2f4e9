package dev.mnemos.utm.lag.check;

import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.Rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The rules as the model sees them: one {@code KEY:VALUE} line each, in an order (shuffled with a
 * seed, as in the paper's check, or as listed) where a rule may appear more than once (a repair
 * repeats the rules a model gets wrong). The prompt for a key is the dictionary and a request
 * for that key's value, in our own wording.
 */
public final class Dictionary {

    private final LagSystem system;
    private final List<Rule> lines;
    private final String text;

    public Dictionary(LagSystem system, List<Rule> lines) {
        if (lines.isEmpty()) throw new IllegalArgumentException("a dictionary needs at least one rule");
        this.system = system;
        this.lines = List.copyOf(lines);
        StringBuilder sb = new StringBuilder();
        for (Rule r : lines) sb.append(line(system, r)).append('\n');
        this.text = sb.toString();
    }

    /** The system's listing, shuffled by {@code seed}, or as listed when {@code seed} is null. */
    public static Dictionary of(LagSystem system, Long seed) {
        List<Rule> lines = new ArrayList<>(system.listing());
        if (seed != null) Collections.shuffle(lines, new Random(seed));
        return new Dictionary(system, lines);
    }

    static String line(LagSystem system, Rule r) {
        return system.keyText(r) + ":" + system.valueText(r);
    }

    public LagSystem system() { return system; }

    /** The lines, in order, repeats included. */
    public List<Rule> lines() { return lines; }

    /** The dictionary's text, one {@code KEY:VALUE} line per rule. */
    public String text() { return text; }

    /** This dictionary with {@code more} rules appended (each once more). */
    public Dictionary plus(List<Rule> more) {
        List<Rule> all = new ArrayList<>(lines);
        all.addAll(more);
        return new Dictionary(system, all);
    }

    /** The prompt asking for the value of {@code rule}'s key. */
    public String prompt(Rule rule) {
        return prompt(system.keyText(rule));
    }

    public String prompt(String key) {
        return prefix() + KEY_LINE + key + "\n" + VALUE_LINE;
    }

    /** What every prompt has before its {@link #KEY_LINE}: the dictionary and the request. */
    public String prefix() {
        return "The dictionary below has one entry per line, written KEY:VALUE.\n\n"
                + text
                + "\nLook up the key that follows and reply with its value exactly as the dictionary gives it,"
                + " with nothing before or after it.\n";
    }

    /** The end of every prompt, after the key's line. */
    public static final String VALUE_LINE = "VALUE: ";

    /** The line of a prompt that gives the key asked for. */
    public static final String KEY_LINE = "KEY: ";

    /** Characters of a prompt (the longest key's). */
    public int promptChars() {
        return prompt(system.keyText(lines.get(0))).length();
    }
}
