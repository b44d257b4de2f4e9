package dev.mnemos.utm.lag.run;

import dev.mnemos.runtime.cycle.CycleEvent;
import dev.mnemos.runtime.cycle.CycleListener;
import dev.mnemos.runtime.cycle.StopRunException;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.lag.LagInterpreter;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a Lag run on the runtime against the reference interpreter, cycle by cycle: the symbols a
 * cycle appended must be the value of the key at the front, and the run must halt exactly where
 * the interpreter does. The first mismatch ends the run ({@link StopRunException}) with the step,
 * the key, the model's raw answer and the expected value. Starts from the queue in memory, so a
 * resumed run is verified from its checkpoint on.
 */
public final class LagVerifier implements CycleListener {

    private final LagSystem system;
    private final LagInterpreter reference;
    private final LookupProcessor lookup;
    private String mismatch;
    private Long mismatchStep;

    /** @param lookup the run's processor, for the raw answers in reports (may be null) */
    public LagVerifier(LagSystem system, Memory memory, LookupProcessor lookup) {
        this.system = system;
        this.reference = new LagInterpreter(system, LagImage.queue(memory, system));
        this.lookup = lookup;
    }

    @Override
    public void onCycle(CycleEvent e) throws StopRunException {
        List<String> appended = new ArrayList<>();
        boolean halts = false;
        for (Change c : e.changes()) {
            if (c.label().equals("op") && "halt".equals(c.after())) halts = true;
            if (isCell(c.label())) appended.add(String.valueOf(c.after()));
        }
        Rule rule = reference.nextRule();
        String key = reference.size() < 2 ? system.join(reference.queue()) : system.join(new int[] {reference.at(0), reference.at(1)});
        String expected = rule == null ? "halt (" + reason() + ")" : "'" + system.valueText(rule) + "'";
        String got = halts ? "halt" : "'" + String.join(system.symbolWidth() > 0 ? "" : " ", appended) + "'";
        boolean ok = rule == null ? halts && appended.isEmpty() : !halts && got.equals(expected);
        if (!ok) {
            String raw = e.cacheHit() || lookup == null || lookup.lastRaw() == null ? e.answer().text() : lookup.lastRaw();
            mismatchStep = e.step();
            mismatch = "step " + e.step() + ", key '" + key + "': expected " + expected + ", got " + got
                    + " (raw answer \"" + escape(raw) + "\"" + (e.cacheHit() ? ", from the cache" : "") + ")";
            throw new StopRunException("verification: " + mismatch);
        }
        if (rule != null) reference.step();
    }

    private String reason() {
        return reference.halt() == LagInterpreter.Halt.TOO_SHORT ? "fewer than two symbols" : "no rule";
    }

    private static boolean isCell(String label) {
        if (label.isEmpty()) return false;
        for (int k = 0; k < label.length(); k++) {
            char c = label.charAt(k);
            if (!(c >= '0' && c <= '9') && !(k == 0 && c == '-')) return false;
        }
        return true;
    }

    private static String escape(String s) {
        String t = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return t.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** The first mismatch's report, or null. */
    public String mismatch() { return mismatch; }

    public Long mismatchStep() { return mismatchStep; }

    public LagInterpreter reference() { return reference; }
}
