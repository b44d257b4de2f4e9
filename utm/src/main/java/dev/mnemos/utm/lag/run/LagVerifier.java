package dev.mnemos.utm.lag.run;

import dev.mnemos.io.Printable;
import dev.mnemos.runtime.cycle.CycleEvent;
import dev.mnemos.runtime.cycle.CycleListener;
import dev.mnemos.runtime.cycle.StopRunException;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.lag.LagInterpreter;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Checks a Lag run on the runtime against the reference interpreter, cycle by cycle, as utm-run's
 * verifier checks a Turing machine: everything a cycle changed must be what the rule of the key at
 * the front changes, and nothing else: the value's symbols written at the tail and nowhere else,
 * the tail pointers moved on by the value's length, {@code i} and {@code j} by one, no other label
 * written; and the run must halt exactly where the interpreter does, with {@code op} its only
 * change. The pointers are the verifier's own (from the memory it starts on), never read back from
 * the memory a wrong cycle may have changed. The first mismatch ends the run
 * ({@link StopRunException}) with the step, the key, the model's raw answer and what was expected.
 * Starts from the queue in memory, so a resumed run is verified from its checkpoint on.
 */
public final class LagVerifier implements CycleListener {

    private final LagSystem system;
    private final LagInterpreter reference;
    private final LookupProcessor lookup;
    private final int pointers;
    /** Where the queue's front and its tail are in memory before the next cycle (the verifier's count, not memory's). */
    private long front;
    private long tail;
    private String mismatch;
    private Long mismatchStep;

    /** @param lookup the run's processor, for the raw answers in reports (may be null) */
    public LagVerifier(LagSystem system, Memory memory, LookupProcessor lookup) {
        this.system = system;
        this.reference = new LagInterpreter(system, LagImage.queue(memory, system));
        this.lookup = lookup;
        this.pointers = LagImage.pointers(system);
        this.front = memory.readLong(LagImage.FRONT);
        this.tail = memory.readLong(LagImage.TAIL);
    }

    @Override
    public void onCycle(CycleEvent e) throws StopRunException {
        Rule rule = reference.nextRule();
        Map<String, Object> expected = expected(rule);
        Map<String, Object> actual = new LinkedHashMap<>();
        for (Change c : e.changes()) actual.put(c.label(), c.after());
        if (!same(expected, actual)) {
            mismatchStep = e.step();
            mismatch = "step " + e.step() + ", key '" + key() + "': " + describe(rule, expected, actual) + " (raw answer \""
                    + Printable.of(shorten(raw(e))) + "\"" + (e.cacheHit() ? ", from the cache" : "") + ")";
            throw new StopRunException("verification: " + mismatch);
        }
        if (rule == null) return;
        reference.step();
        front++;
        tail += rule.valueLength();
    }

    /** Every change the rule's cycle makes: the value at the tail, the pointers moved on; the halt when there is no rule. */
    private Map<String, Object> expected(Rule rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (rule == null) {
            m.put("op", "halt");
            return m;
        }
        int[] value = rule.value();
        for (int k = 0; k < value.length; k++) m.put(Long.toString(tail + k), system.symbol(value[k]));
        if (value.length > 0) for (int p = 0; p < pointers; p++) m.put(LagImage.tail(p), tail + p + value.length);
        m.put(LagImage.FRONT, front + 1);
        m.put(LagImage.SECOND, front + 2);
        return m;
    }

    private static boolean same(Map<String, Object> expected, Map<String, Object> actual) {
        if (!expected.keySet().equals(actual.keySet())) return false;
        for (Map.Entry<String, Object> x : expected.entrySet()) {
            if (!String.valueOf(x.getValue()).equals(String.valueOf(actual.get(x.getKey())))) return false;
        }
        return true;
    }

    /**
     * What differed: the value appended (or the halt), as the lookup's answer; when that was right,
     * the other changes, label by label.
     */
    private String describe(Rule rule, Map<String, Object> expected, Map<String, Object> actual) {
        String wanted = rule == null ? "halt (" + reason() + ")" : "'" + system.valueText(rule) + "'";
        String got = Objects.equals(actual.get("op"), "halt") ? "halt" : "'" + appended(actual) + "'";
        if (!got.equals(wanted)) return "expected " + wanted + ", got " + got + otherChanges(expected, actual, false, true);
        return "expected " + wanted + " appended at cell " + tail + " with i, j and the tail moved on, got it"
                + otherChanges(expected, actual, true, false);
    }

    /**
     * The labels whose change differs from the expected one, e.g. {@code with i = 5 (expected 8), q = 1
     * (expected unchanged)}; after a wrong value only labels outside the queue's own (its cells and
     * pointers), whose changes follow from the value.
     */
    private String otherChanges(Map<String, Object> expected, Map<String, Object> actual, boolean all, boolean strayOnly) {
        List<String> out = new ArrayList<>();
        for (String label : new TreeSet<>(union(expected, actual))) {
            if (strayOnly && (isCell(label) || isPointer(label))) continue;
            Object want = expected.get(label);
            Object have = actual.get(label);
            if (want != null && have != null && String.valueOf(want).equals(String.valueOf(have))) continue;
            if (have == null) out.add(label + " unchanged (expected " + want + ")");
            else out.add(label + " = " + shorten(String.valueOf(have)) + " (expected " + (want == null ? "unchanged" : want) + ")");
        }
        return out.isEmpty() ? "" : " with " + String.join(", ", out);
    }

    private static java.util.Set<String> union(Map<String, Object> a, Map<String, Object> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    /** The symbols the cycle wrote to cells, in cell order. */
    private String appended(Map<String, Object> actual) {
        List<Long> cells = new ArrayList<>();
        for (String label : actual.keySet()) if (isCell(label)) cells.add(Long.parseLong(label));
        cells.sort(null);
        List<String> symbols = new ArrayList<>();
        for (long c : cells) symbols.add(String.valueOf(actual.get(Long.toString(c))));
        return String.join(system.symbolWidth() > 0 ? "" : " ", symbols);
    }

    private String key() {
        return reference.size() < 2 ? system.join(reference.queue()) : system.join(new int[] {reference.at(0), reference.at(1)});
    }

    private String raw(CycleEvent e) {
        return e.cacheHit() || lookup == null || lookup.lastRaw() == null ? e.answer().text() : lookup.lastRaw();
    }

    private String reason() {
        return reference.halt() == LagInterpreter.Halt.TOO_SHORT ? "fewer than two symbols" : "no rule";
    }

    private boolean isPointer(String label) {
        if (label.equals(LagImage.FRONT) || label.equals(LagImage.SECOND)) return true;
        for (int p = 0; p < pointers; p++) if (label.equals(LagImage.tail(p))) return true;
        return false;
    }

    private static boolean isCell(String label) {
        if (label.isEmpty() || label.length() > 18) return false;
        for (int k = 0; k < label.length(); k++) {
            char c = label.charAt(k);
            if (!(c >= '0' && c <= '9') && !(k == 0 && c == '-' && label.length() > 1)) return false;
        }
        return true;
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** The first mismatch's report, or null. */
    public String mismatch() { return mismatch; }

    public Long mismatchStep() { return mismatchStep; }

    public LagInterpreter reference() { return reference; }
}
