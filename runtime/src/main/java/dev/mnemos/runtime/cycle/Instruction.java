package dev.mnemos.runtime.cycle;

import java.util.List;

/**
 * One parsed instruction: what a cycle's Write stage will do, before {@code %[label]} references
 * are resolved.
 *
 * @param parts   the assignments and updates, in the order written
 * @param text    the text they were parsed from (in lenient mode, the line that parsed)
 * @param skipped in lenient mode, the output outside that text (blank when there was none)
 */
public record Instruction(List<Part> parts, String text, String skipped) {

    public Instruction {
        parts = List.copyOf(parts);
    }

    /** One effect on memory. Targets, values and names may hold {@code %[label]} references. */
    public sealed interface Part permits Assign, Update {}

    /** {@code target="value"}. */
    public record Assign(String target, String value) implements Part {
        @Override
        public String toString() {
            return target + "=\"" + value + "\"";
        }
    }

    /** {@code name+=n} or {@code name-=n}; delta is negative for the latter. */
    public record Update(String name, long delta) implements Part {
        @Override
        public String toString() {
            return delta < 0 ? name + "-=" + Math.negateExact(delta) : name + "+=" + delta;
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Part p : parts) {
            if (s.length() > 0) s.append(' ');
            s.append(p);
        }
        return s.toString();
    }
}
