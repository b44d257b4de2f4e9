package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Labels;
import dev.mnemos.runtime.memory.Memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The second half of the Write stage: resolves an instruction's {@code %[label]} references
 * against memory as it is before the write, then applies every effect together.
 *
 * <p>A reference is replaced once by its value; the inserted text is not scanned again, so
 * {@code op="%[B]"} copies B's text, quotes and references included, as it is. Updates add to
 * the value as it stands after the effects written before them in the same instruction. If any
 * effect cannot be applied (a target outside the label alphabet, an update of a non-integer),
 * nothing is. Nor is a write that would make a value longer than the write bound (default
 * {@value #DEFAULT_MAX_VALUE_LENGTH} characters): a doubling {@code z="%[z]%[z]"} stops there
 * with a {@link WriteLimitException} instead of filling the heap.
 */
public final class Writer {

    /** The longest value a write may make by default: 1 MiB characters, the Reader's prompt bound. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 1 << 20;

    private final int maxValueLength;

    public Writer() {
        this(DEFAULT_MAX_VALUE_LENGTH);
    }

    /** @param maxValueLength the longest value (in characters) a write may make; a longer one fails the cycle */
    public Writer(int maxValueLength) {
        if (maxValueLength < 1) throw new IllegalArgumentException("max value length must be at least 1, got " + maxValueLength);
        this.maxValueLength = maxValueLength;
    }

    /** Applies the instruction and returns what it changed, in the order first written. */
    public List<Change> apply(Memory memory, Instruction instruction) throws WriteException {
        return apply(memory, plan(instruction));
    }

    /**
     * The instruction made ready to apply: each of its texts cut at its {@code %[label]}
     * references once ({@link Text}), so applying it again scans nothing. Depends on the
     * instruction alone: a run keeps one per distinct answer.
     */
    public static Plan plan(Instruction instruction) {
        List<Instruction.Part> parts = instruction.parts();
        Text[] targets = new Text[parts.size()];
        Text[] values = new Text[parts.size()];
        long[] deltas = new long[parts.size()];
        for (int k = 0; k < parts.size(); k++) {
            if (parts.get(k) instanceof Instruction.Assign a) {
                targets[k] = Text.target(a.target());
                values[k] = Text.of(a.value());
            } else {
                Instruction.Update u = (Instruction.Update) parts.get(k);
                targets[k] = Text.target(u.name());
                deltas[k] = u.delta();
            }
        }
        return new Plan(instruction, targets, values, deltas);
    }

    /** An instruction ready to apply ({@link #plan}): per part its target and its value (null for an update) or delta. */
    public static final class Plan {
        private final Instruction instruction;
        private final Text[] targets;
        private final Text[] values;
        private final long[] deltas;

        private Plan(Instruction instruction, Text[] targets, Text[] values, long[] deltas) {
            this.instruction = instruction;
            this.targets = targets;
            this.values = values;
            this.deltas = deltas;
        }

        public Instruction instruction() {
            return instruction;
        }
    }

    /** Applies a planned instruction: what {@link #apply(Memory, Instruction)} does with its instruction. */
    public List<Change> apply(Memory memory, Plan plan) throws WriteException {
        Staged staged = new Staged(plan.targets.length);
        for (int k = 0; k < plan.targets.length; k++) {
            String target = label(memory, plan.targets[k]);
            if (plan.values[k] != null) {
                staged.put(target, resolve(memory, plan.values[k], target));
                continue;
            }
            Object seen = staged.get(target);
            long before = seen != null ? integer(target, seen) : readLong(memory, target);
            try {
                staged.put(target, Math.addExact(before, plan.deltas[k]));
            } catch (ArithmeticException e) {
                throw new WriteException("update " + plan.instruction.parts().get(k) + " overflows the integer in '" + target + "'");
            }
        }
        List<Change> changes = new ArrayList<>(staged.size);
        for (int k = 0; k < staged.size; k++) { // (each label once: what it replaces is its value before the instruction)
            changes.add(new Change(staged.labels[k], memory.replace(staged.labels[k], staged.values[k]), staged.values[k]));
        }
        return changes;
    }

    /** The values an instruction writes, by label in the order first written (an instruction has a few parts). */
    private static final class Staged {
        final String[] labels;
        final Object[] values;
        int size;

        Staged(int parts) {
            labels = new String[parts];
            values = new Object[parts];
        }

        Object get(String label) {
            for (int k = 0; k < size; k++) if (labels[k].equals(label)) return values[k];
            return null;
        }

        void put(String label, Object value) {
            for (int k = 0; k < size; k++) {
                if (labels[k].equals(label)) {
                    values[k] = value;
                    return;
                }
            }
            labels[size] = label;
            values[size++] = value;
        }
    }

    /**
     * A text of an instruction cut at its {@code %[label]} references: the pieces between them
     * (one more than the labels). A reference is {@code %[}, label characters, {@code ]}; any
     * other {@code %[} is text.
     */
    static final class Text {
        private final String text;
        private final String[] pieces;
        private final String[] labels;
        /** Whether the text is a label as it stands (it has no reference). */
        private final boolean label;

        private Text(String text, String[] pieces, String[] labels) {
            this.text = text;
            this.pieces = pieces;
            this.labels = labels;
            this.label = labels.length == 0 && Labels.isLabel(text);
        }

        /**
         * A target's text. Labels are made the JVM's one copy of them ({@link String#intern}),
         * as memory's own labels often are (literals), so that a map finds them by identity: a
         * plan is made once per distinct answer and applied every cycle that answer comes back.
         */
        static Text target(String template) {
            return of(template.indexOf("%[") < 0 && Labels.isLabel(template) ? template.intern() : template);
        }

        private static final String[] NO_LABELS = {};
        private static final String[] BARE = {"", ""};

        static Text of(String template) {
            int at = template.indexOf("%[");
            if (at < 0) return new Text(template, new String[] {template}, NO_LABELS);
            if (at == 0 && isOneReference(template)) {
                return new Text(template, BARE, new String[] {template.substring(2, template.length() - 1).intern()});
            }
            List<String> pieces = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            int copied = 0;
            while (at >= 0) {
                int end = at + 2;
                while (end < template.length() && Labels.isLabelChar(template.charAt(end))) end++;
                if (end > at + 2 && end < template.length() && template.charAt(end) == ']') {
                    pieces.add(template.substring(copied, at));
                    labels.add(template.substring(at + 2, end).intern());
                    copied = end + 1;
                    at = template.indexOf("%[", copied);
                } else {
                    at = template.indexOf("%[", at + 1);
                }
            }
            pieces.add(template.substring(copied));
            return new Text(template, pieces.toArray(String[]::new), labels.toArray(String[]::new));
        }

        /** Whether {@code template}, which starts with {@code %[}, is {@code %[label]} and nothing else. */
        private static boolean isOneReference(String template) {
            int end = template.length() - 1;
            if (end < 3 || template.charAt(end) != ']') return false;
            for (int k = 2; k < end; k++) if (!Labels.isLabelChar(template.charAt(k))) return false;
            return true;
        }

        /** Whether the text is one reference and nothing else. */
        boolean single() {
            return labels.length == 1 && pieces[0].isEmpty() && pieces[1].isEmpty();
        }
    }

    /**
     * Replaces each {@code %[label]} once by its value; any other text stays as it is. The result
     * is measured before it is built: one past the bound is refused without being allocated.
     */
    private String resolve(Memory memory, Text t, String target) throws WriteLimitException {
        if (t.labels.length == 0) return bounded(t.text, t.text.length(), target);
        if (t.single()) {
            String value = memory.read(t.labels[0]);
            return bounded(value, value.length(), target);
        }
        String[] values = new String[t.labels.length];
        long length = t.pieces[t.labels.length].length();
        for (int k = 0; k < values.length; k++) {
            values[k] = memory.read(t.labels[k]);
            length += t.pieces[k].length() + values[k].length();
        }
        if (length > maxValueLength) return bounded(null, length, target);
        StringBuilder out = new StringBuilder((int) length);
        for (int k = 0; k < values.length; k++) out.append(t.pieces[k]).append(values[k]);
        return out.append(t.pieces[values.length]).toString();
    }

    private String bounded(String value, long length, String target) throws WriteLimitException {
        if (length <= maxValueLength) return value;
        throw new WriteLimitException(String.format(java.util.Locale.ROOT,
                "the write of '%s' would make a value of %,d characters, past the write bound of %,d", target, length, maxValueLength));
    }

    private String label(Memory memory, Text template) throws WriteException {
        if (template.label && template.text.length() <= maxValueLength) return template.text;
        String label = resolve(memory, template, template.text);
        if (!Labels.isLabel(label)) {
            throw new WriteException("target '" + template.text + "' names " + quote(label)
                    + ", which is not in the label alphabet [A-Za-z0-9_-]+");
        }
        return label;
    }

    static long readLong(Memory memory, String name) throws WriteException {
        Object v = memory.get(name);
        return integer(name, v == null ? memory.blank() : v);
    }

    static long integer(String name, Object value) throws WriteException {
        if (value instanceof Long l) return l;
        String s = (String) value;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new WriteException("cannot update '" + name + "': it holds " + quote(s) + ", not an integer");
        }
    }

    static String quote(String s) {
        String shown = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return "'" + shown.replace("\n", "\\n") + "'";
    }
}
