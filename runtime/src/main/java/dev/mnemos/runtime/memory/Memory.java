package dev.mnemos.runtime.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The machine's memory: a dictionary from labels ({@code [A-Za-z0-9_-]+}) to values that are
 * strings or integers. Reading an absent label gives the program's blank (default {@code "0"}).
 *
 * <p>Not thread-safe: one machine owns one memory.
 */
public final class Memory {

    public static final String DEFAULT_BLANK = "0";

    private final String blank;
    private final HashMap<String, Object> values;

    public Memory() {
        this(DEFAULT_BLANK);
    }

    public Memory(String blank) {
        this.blank = Objects.requireNonNull(blank, "blank");
        this.values = new HashMap<>();
    }

    private Memory(String blank, Map<String, Object> values) {
        this.blank = blank;
        this.values = new HashMap<>(values);
    }

    /** The value an absent label reads as. */
    public String blank() {
        return blank;
    }

    /** The stored value ({@link String} or {@link Long}), or null when absent. */
    public Object get(String label) {
        return values.get(label);
    }

    public boolean contains(String label) {
        return values.containsKey(label);
    }

    /** The value as text: an integer in decimal, the blank when absent. */
    public String read(String label) {
        Object v = values.get(label);
        if (v == null) return blank;
        if (v instanceof String s) return s;
        return Decimal.of((Long) v);
    }

    /**
     * The value as an integer. A string value (or the blank) that is a decimal integer counts;
     * anything else is an {@link IllegalStateException} naming the label and value.
     */
    public long readLong(String label) {
        Object v = values.get(label);
        if (v instanceof Long l) return l;
        String s = v == null ? blank : (String) v;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("label '" + label + "' holds " + BadLabelException.quote(s) + ", not an integer");
        }
    }

    public void put(String label, String value) {
        values.put(Labels.check(label), Objects.requireNonNull(value, "value"));
    }

    public void put(String label, long value) {
        values.put(Labels.check(label), value);
    }

    /** Stores a {@link String} or {@link Long} (or an {@link Integer}, kept as a Long); null removes. */
    public void set(String label, Object value) {
        replace(label, value);
    }

    /**
     * As {@link #set}, returning the value it replaced (null when the label was absent): one lookup
     * where {@link #get} then {@link #set} take two (the Write stage does this for every label it writes).
     */
    public Object replace(String label, Object value) {
        Labels.check(label);
        if (value == null) return values.remove(label);
        if (value instanceof String || value instanceof Long) return values.put(label, value);
        if (value instanceof Integer i) return values.put(label, (long) i);
        throw new IllegalArgumentException("label '" + label + "': a value is a string or an integer, not " + value.getClass().getSimpleName());
    }

    public void remove(String label) {
        values.remove(label);
    }

    public int size() {
        return values.size();
    }

    /** The labels, sorted. */
    public Set<String> labels() {
        return Collections.unmodifiableSet(new TreeSet<>(values.keySet()));
    }

    /** A read-only view of the values. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** An independent copy of the current contents. */
    public Snapshot snapshot() {
        return new Snapshot(blank, Map.copyOf(values));
    }

    /** Replaces the contents with a snapshot's. */
    public void restore(Snapshot snapshot) {
        if (!snapshot.blank().equals(blank)) {
            throw new IllegalArgumentException("snapshot blank '" + snapshot.blank() + "' differs from memory blank '" + blank + "'");
        }
        values.clear();
        values.putAll(snapshot.values());
    }

    public static Memory of(Snapshot snapshot) {
        return new Memory(snapshot.blank(), snapshot.values());
    }

    /** What changed from {@code before} to {@code after}, sorted by label. */
    public static List<Change> diff(Snapshot before, Snapshot after) {
        Set<String> labels = new TreeSet<>(before.values().keySet());
        labels.addAll(after.values().keySet());
        List<Change> changes = new ArrayList<>();
        for (String label : labels) {
            Object a = before.values().get(label);
            Object b = after.values().get(label);
            if (!Objects.equals(a, b)) changes.add(new Change(label, a, b));
        }
        return changes;
    }

    /** An immutable copy of a memory's contents. */
    public record Snapshot(String blank, Map<String, Object> values) {
        public Snapshot {
            values = Map.copyOf(values);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Memory m && m.blank.equals(blank) && m.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + blank.hashCode();
    }

    @Override
    public String toString() {
        return "Memory" + new java.util.TreeMap<>(values);
    }
}
