package dev.mnemos.utm.lag;

import java.util.Arrays;

/**
 * One rule of a Lag system: when the queue starts with {@code first second}, drop {@code first}
 * and append {@code value}. Symbols are the system's integer ids; {@code where} says where the rule
 * was read ("rules.txt line 12"), for messages.
 */
public final class Rule {

    private final int first;
    private final int second;
    private final int[] value;
    private final String where;

    public Rule(int first, int second, int[] value, String where) {
        this.first = first;
        this.second = second;
        this.value = value.clone();
        this.where = where;
    }

    public int first() { return first; }

    public int second() { return second; }

    /** A copy of the value's symbols. */
    public int[] value() { return value.clone(); }

    public int valueLength() { return value.length; }

    public int valueSymbol(int k) { return value[k]; }

    public String where() { return where; }

    public boolean sameValue(int[] other) {
        return Arrays.equals(value, other);
    }
}
