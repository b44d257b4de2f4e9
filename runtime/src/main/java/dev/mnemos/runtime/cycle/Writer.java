package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Labels;
import dev.mnemos.runtime.memory.Memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second half of the Write stage: resolves an instruction's {@code %[label]} references
 * against memory as it is before the write, then applies every effect together.
 *
 * <p>A reference is replaced once by its value; the inserted text is not scanned again, so
 * {@code op="%[B]"} copies B's text, quotes and references included, as it is. Updates add to
 * the value as it stands after the effects written before them in the same instruction. If any
 * effect cannot be applied (a target outside the label alphabet, an update of a non-integer),
 * nothing is.
 */
public final class Writer {

    /** Applies the instruction and returns what it changed, in the order first written. */
    public List<Change> apply(Memory memory, Instruction instruction) throws WriteException {
        Map<String, Object> staged = new LinkedHashMap<>(8);
        for (Instruction.Part part : instruction.parts()) {
            if (part instanceof Instruction.Assign a) {
                staged.put(label(memory, a.target()), resolve(memory, a.value()));
            } else {
                Instruction.Update u = (Instruction.Update) part;
                String name = label(memory, u.name());
                long before = staged.containsKey(name) ? integer(name, staged.get(name)) : readLong(memory, name);
                try {
                    staged.put(name, Math.addExact(before, u.delta()));
                } catch (ArithmeticException e) {
                    throw new WriteException("update " + u + " overflows the integer in '" + name + "'");
                }
            }
        }
        List<Change> changes = new ArrayList<>(staged.size());
        for (Map.Entry<String, Object> e : staged.entrySet()) {
            Object before = memory.get(e.getKey());
            changes.add(new Change(e.getKey(), before, e.getValue()));
        }
        for (Map.Entry<String, Object> e : staged.entrySet()) {
            memory.set(e.getKey(), e.getValue());
        }
        return changes;
    }

    /** Replaces each {@code %[label]} once by its value; any other text stays as it is. */
    public static String resolve(Memory memory, String template) {
        int at = template.indexOf("%[");
        if (at < 0) return template;
        StringBuilder out = new StringBuilder(template.length() + 64);
        int copied = 0;
        while (at >= 0) {
            int end = at + 2;
            while (end < template.length() && Labels.isLabelChar(template.charAt(end))) end++;
            if (end > at + 2 && end < template.length() && template.charAt(end) == ']') {
                if (at == 0 && end == template.length() - 1) {
                    return memory.read(template.substring(2, end)); // the whole template is one reference
                }
                out.append(template, copied, at).append(memory.read(template.substring(at + 2, end)));
                copied = end + 1;
                at = template.indexOf("%[", copied);
            } else {
                at = template.indexOf("%[", at + 1);
            }
        }
        return out.append(template, copied, template.length()).toString();
    }

    private static String label(Memory memory, String template) throws WriteException {
        String label = resolve(memory, template);
        if (!Labels.isLabel(label)) {
            throw new WriteException("target '" + template + "' names " + quote(label)
                    + ", which is not in the label alphabet [A-Za-z0-9_-]+");
        }
        return label;
    }

    private static long readLong(Memory memory, String name) throws WriteException {
        Object v = memory.get(name);
        return integer(name, v == null ? memory.blank() : v);
    }

    private static long integer(String name, Object value) throws WriteException {
        if (value instanceof Long l) return l;
        String s = (String) value;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new WriteException("cannot update '" + name + "': it holds " + quote(s) + ", not an integer");
        }
    }

    private static String quote(String s) {
        String shown = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return "'" + shown.replace("\n", "\\n") + "'";
    }
}
