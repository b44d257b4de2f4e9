package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Labels;
import dev.mnemos.runtime.memory.Memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Write stage as it was before it was planned ({@link Writer.Plan}): the oracle of {@link
 * PlannedWriterTest}. It reads integers and quotes values in its messages with the Writer's own
 * helpers, which the plan did not change.
 */
final class ScanningWriter {

    private final int maxValueLength;

    ScanningWriter(int maxValueLength) {
        if (maxValueLength < 1) throw new IllegalArgumentException("max value length must be at least 1, got " + maxValueLength);
        this.maxValueLength = maxValueLength;
    }

    /** Applies the instruction and returns what it changed, in the order first written. */
    public List<Change> apply(Memory memory, Instruction instruction) throws WriteException {
        Map<String, Object> staged = new LinkedHashMap<>(8);
        for (Instruction.Part part : instruction.parts()) {
            if (part instanceof Instruction.Assign a) {
                String target = label(memory, a.target());
                staged.put(target, resolve(memory, a.value(), target));
            } else {
                Instruction.Update u = (Instruction.Update) part;
                String name = label(memory, u.name());
                long before = staged.containsKey(name) ? Writer.integer(name, staged.get(name)) : Writer.readLong(memory, name);
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

    /**
     * Replaces each {@code %[label]} once by its value; any other text stays as it is. The result
     * is measured before it is built: one past the bound is refused without being allocated.
     */
    private String resolve(Memory memory, String template, String target) throws WriteLimitException {
        int at = template.indexOf("%[");
        if (at < 0) return bounded(template, template.length(), target);
        StringBuilder out = new StringBuilder(Math.min(template.length() + 64, maxValueLength));
        long length = 0;
        int copied = 0;
        while (at >= 0) {
            int end = at + 2;
            while (end < template.length() && Labels.isLabelChar(template.charAt(end))) end++;
            if (end > at + 2 && end < template.length() && template.charAt(end) == ']') {
                String value = memory.read(template.substring(at + 2, end));
                if (at == 0 && end == template.length() - 1) return bounded(value, value.length(), target); // one reference
                length += (at - copied) + value.length();
                if (length <= maxValueLength) out.append(template, copied, at).append(value);
                copied = end + 1;
                at = template.indexOf("%[", copied);
            } else {
                at = template.indexOf("%[", at + 1);
            }
        }
        length += template.length() - copied;
        if (length <= maxValueLength) out.append(template, copied, template.length());
        return bounded(length <= maxValueLength ? out.toString() : null, length, target);
    }

    private String bounded(String value, long length, String target) throws WriteLimitException {
        if (length <= maxValueLength) return value;
        throw new WriteLimitException(String.format(java.util.Locale.ROOT,
                "the write of '%s' would make a value of %,d characters, past the write bound of %,d", target, length, maxValueLength));
    }

    private String label(Memory memory, String template) throws WriteException {
        String label = resolve(memory, template, template);
        if (!Labels.isLabel(label)) {
            throw new WriteException("target '" + template + "' names " + Writer.quote(label)
                    + ", which is not in the label alphabet [A-Za-z0-9_-]+");
        }
        return label;
    }
}
