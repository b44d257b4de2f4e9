package dev.mnemos.utm.image;

import dev.mnemos.runtime.memory.Decimal;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.sim.Cells;
import dev.mnemos.utm.sim.Tape;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A Turing machine run laid out in string memory, as the spec describes it: cells {@code "0"},
 * {@code "1"}, ... hold the tape (absent = the blank), {@code i} is the head, {@code op} holds the
 * text of the current state, {@code boot} the preamble, and one label per state its text.
 */
public final class MemoryImage {

    public static final String OP = "op";
    public static final String HEAD = "i";
    public static final String BOOT = "boot";
    public static final String HALT = "halt";

    private MemoryImage() {}

    /** The memory at the start of a run: the machine in its start state. */
    public static Memory of(PromptSet prompts, Tape tape, long head) {
        return of(prompts, tape, head, prompts.machine().start());
    }

    /** The memory of a configuration: {@code state} may be {@code halt}. */
    public static Memory of(PromptSet prompts, Tape tape, long head, String state) {
        Memory m = new Memory(prompts.machine().blank());
        m.put(BOOT, prompts.boot());
        for (Map.Entry<String, String> t : prompts.texts().entrySet()) m.put(t.getKey(), t.getValue());
        for (int k = 0; k < tape.cells().size(); k++) m.put(cellLabel(tape.first() + k), tape.cells().get(k));
        m.put(HEAD, head);
        m.put(OP, state.equals(HALT) ? HALT : prompts.text(state));
        return m;
    }

    public static String cellLabel(long cell) {
        return Decimal.of(cell);
    }

    /** The state whose text {@code op} holds, {@code halt}, or null when it is neither. */
    public static String state(Memory memory, PromptSet prompts) {
        String op = memory.read(OP);
        if (op.equals(HALT)) return HALT;
        for (Map.Entry<String, String> t : prompts.texts().entrySet()) {
            if (t.getValue().equals(op)) return t.getKey();
        }
        return null;
    }

    /** The head {@code i}. */
    public static long head(Memory memory) {
        return memory.readLong(HEAD);
    }

    /** Blank cells a tape may hold beyond twice its written cells before it counts as too sparse to lay out. */
    static final long MAX_GAP = 1 << 24;

    /**
     * The tape: every cell label (an integer) from the lowest to the highest, blanks between. A
     * head writes every cell it passes, so a run's cells lie close together; cells spread much
     * wider (a stray write to cell 10^12) are an IllegalArgumentException naming them, not
     * billions of blanks.
     */
    public static Tape tape(Memory memory, TuringMachine machine) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long count = 0;
        for (String label : memory.asMap().keySet()) {
            Long cell = parseCell(label);
            if (cell == null) continue;
            count++;
            first = Math.min(first, cell);
            last = Math.max(last, cell);
        }
        if (count == 0) return new Tape(0, List.of());
        if (last - first > 2L * count + MAX_GAP) {
            throw new IllegalArgumentException("the tape's " + count + " cells are spread over cells " + first
                    + " to " + last + ", too sparse to lay out as one tape");
        }
        String[] cells = new String[(int) (last - first + 1)];
        Arrays.fill(cells, machine.blank());
        for (String label : memory.asMap().keySet()) {
            Long cell = parseCell(label);
            if (cell != null) cells[(int) (cell - first)] = memory.read(label);
        }
        return new Tape(first, Arrays.asList(cells));
    }

    /** The cell number a label names, or null when the label is not an integer. */
    public static Long parseCell(String label) {
        int n = label.length();
        int k = label.charAt(0) == '-' ? 1 : 0;
        if (k == n || n - k > 18) return null;
        for (int j = k; j < n; j++) {
            if (label.charAt(j) < '0' || label.charAt(j) > '9') return null;
        }
        if (n - k > 1 && label.charAt(k) == '0') return null; // "007" is a label, not cell 7
        if (k == 1 && n == 2 && label.charAt(1) == '0') return null; // "-0"
        return Long.parseLong(label);
    }

    /** The memory's tape as symbol indices; a value that is no symbol reads as -1. */
    public static Cells cells(Memory memory, TuringMachine machine) {
        return cell -> machine.symbolIndex(memory.read(cellLabel(cell)));
    }
}
