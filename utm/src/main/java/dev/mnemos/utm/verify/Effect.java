package dev.mnemos.utm.verify;

import dev.mnemos.runtime.memory.Change;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.machine.Action;
import dev.mnemos.utm.machine.TuringMachine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one cycle did to a Turing machine's memory image: which instruction {@code op} holds
 * after it, what the cell under the old head holds, where the head went, and any other label it
 * wrote (a correct cycle writes none).
 *
 * @param next    the state {@code op} now holds, {@code halt}, or {@code ?} and the start of an unknown text
 * @param cell    the cell under the head before the cycle
 * @param written the value of that cell after the cycle
 * @param head    the head after the cycle, or null when {@code i} is not an integer
 * @param others  labels outside {@code op}, {@code i} and that cell that the cycle wrote, with their values
 */
public record Effect(String next, long cell, String written, Long head, Map<String, Object> others) {

    public Effect {
        others = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }

    /** What the reference transition in (state, symbol) with the head on {@code head} does. */
    public static Effect expected(TuringMachine m, String state, String symbol, long head) {
        Action a = m.action(state, symbol).orElse(null);
        if (a == null) return new Effect(MemoryImage.HALT, head, symbol, head, Map.of());
        return new Effect(a.next(), head, a.write(), head + a.move().delta(), Map.of());
    }

    /**
     * What a cycle did, from its changes (as the runtime reports them or a trace records them),
     * given the configuration before it.
     *
     * @param stateOfText maps an instruction text to its state name
     */
    public static Effect actual(String stateBefore, String symbolBefore, long headBefore, List<Change> changes,
                                Map<String, String> stateOfText) {
        String next = stateBefore;
        String written = symbolBefore;
        Long head = headBefore;
        String cellLabel = MemoryImage.cellLabel(headBefore);
        Map<String, Object> others = new LinkedHashMap<>();
        for (Change c : changes) {
            Object v = c.after();
            switch (c.label()) {
                case MemoryImage.OP -> next = nameOf(v, stateOfText);
                case MemoryImage.HEAD -> head = integer(v);
                default -> {
                    if (c.label().equals(cellLabel)) written = v == null ? null : v.toString();
                    else others.put(c.label(), v);
                }
            }
        }
        return new Effect(next, headBefore, written, head, others);
    }

    private static String nameOf(Object op, Map<String, String> stateOfText) {
        if (op == null) return "?(removed)";
        String text = op.toString();
        if (text.equals(MemoryImage.HALT)) return MemoryImage.HALT;
        String state = stateOfText.get(text);
        if (state != null) return state;
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return "?" + dev.mnemos.io.Printable.of(shown);
    }

    private static Long integer(Object v) {
        if (v instanceof Long l) return l;
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether two effects agree; a cell written with the blank and one left absent agree. */
    public boolean sameAs(Effect o, String blank) {
        return next.equals(o.next) && cell == o.cell && Objects.equals(head, o.head)
                && Objects.equals(orBlank(written, blank), orBlank(o.written, blank)) && others.equals(o.others);
    }

    private static String orBlank(String v, String blank) {
        return v == null ? blank : v;
    }

    /** E.g. {@code op=B, cell 105 = 0, i = 106}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("op=").append(next).append(", cell ").append(cell).append(" = ").append(written)
                .append(", i = ").append(head == null ? "(not an integer)" : head);
        others.forEach((k, v) -> sb.append(", ").append(k).append(" = ").append(v));
        return sb.toString();
    }
}
