package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Memory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A planned Write ({@link Writer#plan}, applied again and again) does what the scanning Write did
 * ({@link ScanningWriter}): the same changes, the same memory, the same failures.
 */
class PlannedWriterTest {

    private static final String[] LABELS = {"a", "b", "i", "7", "-x", "op"};

    /** Texts made of what matters to the Write stage: '%[', ']', label characters, the labels, others. */
    private static String text(Random r) {
        String[] bits = {"%[", "]", "%", "[", "a", "i", "7", "-", " ", "\"", "%[i]", "%[a]", "%[b]", "%[7]", "%[%[i]]", "%[zz]"};
        StringBuilder s = new StringBuilder();
        for (int k = r.nextInt(5); k >= 0; k--) s.append(bits[r.nextInt(bits.length)]);
        return s.toString();
    }

    private static Instruction instruction(Random r) {
        List<Instruction.Part> parts = new ArrayList<>();
        for (int k = r.nextInt(4); k >= 0; k--) {
            String target = r.nextBoolean() ? LABELS[r.nextInt(LABELS.length)] : text(r);
            if (r.nextInt(3) == 0) parts.add(new Instruction.Update(target, r.nextInt(5) == 0 ? Long.MAX_VALUE : r.nextInt(7) - 3));
            else parts.add(new Instruction.Assign(target, text(r)));
        }
        return new Instruction(parts, "", "");
    }

    private static Memory memory(Random r) {
        Memory m = new Memory();
        for (String label : LABELS) {
            int pick = r.nextInt(5);
            if (pick == 0) continue;
            if (pick == 1) m.put(label, r.nextInt(10) - 2);
            else if (pick == 2) m.put(label, LABELS[r.nextInt(LABELS.length)]);
            else m.put(label, text(r));
        }
        return m;
    }

    /** What applying gives: the changes and the memory after, or the failure's kind and message (memory unchanged). */
    private static String outcome(Memory m, WriteAction write) {
        try {
            return "changes " + write.apply(m) + " memory " + m;
        } catch (WriteException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage() + " memory " + m;
        }
    }

    @FunctionalInterface
    private interface WriteAction {
        Object apply(Memory m) throws WriteException;
    }

    @Test
    void aPlannedWriteIsTheScanningWriteOnRandomInstructionsAndMemories() {
        Random r = new Random(1921);
        for (int maxLength : new int[] {Writer.DEFAULT_MAX_VALUE_LENGTH, 6}) {
            Writer writer = new Writer(maxLength);
            ScanningWriter scanning = new ScanningWriter(maxLength);
            for (int trial = 0; trial < 5_000; trial++) {
                Instruction instruction = instruction(r);
                Writer.Plan plan = Writer.plan(instruction);
                for (int again = 0; again < 3; again++) { // one plan, applied to several memories
                    Memory m = memory(r);
                    Memory copy = Memory.of(m.snapshot());
                    assertEquals(outcome(m, x -> scanning.apply(x, instruction)), outcome(copy, x -> writer.apply(x, plan)),
                            () -> instruction + " on " + Memory.of(m.snapshot()));
                }
            }
        }
    }
}
