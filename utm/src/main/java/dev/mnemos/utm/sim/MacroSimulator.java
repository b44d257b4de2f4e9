package dev.mnemos.utm.sim;

import dev.mnemos.utm.machine.Action;
import dev.mnemos.utm.machine.TuringMachine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A faster reference simulator for two-symbol machines (U15,2): the tape is kept in blocks of
 * eight cells, and a precomputed table gives, for (state, head position in the block, block
 * contents), the result of running until the head leaves the block: the new contents, the exit
 * side and state, and the exact number of steps. Entries are computed on first use. A block where
 * the machine halts records the halting configuration; a block the machine never leaves, and any
 * macro-step longer than the step budget left, fall back to single steps. Step counts, head,
 * state and tape are exactly those of {@link Simulator}.
 */
public final class MacroSimulator implements Cells {

    private static final int B = 8;
    private static final int KIND_LEFT = 1;
    private static final int KIND_RIGHT = 2;
    private static final int KIND_HALT = 3;
    private static final long LOOP = 1L << 28;

    private final TuringMachine machine;
    private final int states;
    private final Action[] actions;
    private final int[] next;
    private final int[] write;
    private final int[] move;
    private final byte blankBlock;
    private final int blankBit;
    /** table[(state * 8 + pos) * 256 + contents]; 0 is "not computed yet". */
    private final long[] table;

    private byte[] blocks;
    /** The cell number of bit 0 of blocks[0]. */
    private long origin;
    private int block;
    private int pos;
    private int state;
    private long steps;
    private int lowBlock;
    private int highBlock;

    public MacroSimulator(TuringMachine machine, Tape tape, long head) {
        this(new Table(machine), tape, head);
    }

    /**
     * A simulator that uses (and fills) a table shared with other runs of the same machine. A
     * table is not thread-safe: share it between runs on one thread.
     */
    public MacroSimulator(Table shared, Tape tape, long head) {
        TuringMachine machine = shared.machine;
        if (machine.symbols().size() != 2) {
            throw new IllegalArgumentException("macro-steps need a machine with two symbols; " + machine.name() + " has " + machine.symbols().size());
        }
        this.machine = machine;
        this.states = machine.states().size();
        if (states > 1 << 15) throw new IllegalArgumentException("too many states for macro-steps: " + states);
        this.actions = new Action[states * 2];
        this.next = new int[states * 2];
        this.write = new int[states * 2];
        this.move = new int[states * 2];
        for (int s = 0; s < states; s++) {
            for (int y = 0; y < 2; y++) {
                Action a = machine.action(s, y);
                actions[s * 2 + y] = a;
                if (a != null) {
                    next[s * 2 + y] = machine.stateIndex(a.next());
                    write[s * 2 + y] = machine.symbolIndex(a.write());
                    move[s * 2 + y] = a.move().delta();
                }
            }
        }
        this.blankBit = machine.blankIndex();
        this.blankBlock = (byte) (blankBit == 0 ? 0 : 0xFF);
        this.table = shared.entries;
        this.state = machine.startIndex();
        load(tape, head);
    }

    /** The macro-step table of one machine, filled as runs need its entries. */
    public static final class Table {
        private final TuringMachine machine;
        private final long[] entries;

        public Table(TuringMachine machine) {
            if (machine.symbols().size() != 2) {
                throw new IllegalArgumentException("macro-steps need a machine with two symbols; " + machine.name() + " has " + machine.symbols().size());
            }
            this.machine = machine;
            this.entries = new long[machine.states().size() * B * 256];
        }
    }

    private void load(Tape t, long head) {
        long lo = Math.min(t.first(), head);
        long hi = Math.max(t.end(), head + 1);
        long cells = hi - lo;
        long n = Math.max(256, (cells / B + 2) * 2 + 256);
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("tape too long: " + cells + " cells");
        blocks = new byte[(int) n];
        Arrays.fill(blocks, blankBlock);
        origin = Math.floorDiv(lo, B) * B - (n / 2 - cells / B / 2 - 1) * B;
        for (int i = 0; i < t.cells().size(); i++) set(t.first() + i, machine.symbolIndex(t.cells().get(i)));
        block = (int) Math.floorDiv(head - origin, B);
        pos = Math.floorMod(head - origin, B);
        lowBlock = (int) Math.floorDiv(lo - origin, B);
        highBlock = (int) Math.floorDiv(hi - 1 - origin, B);
    }

    private void set(long cell, int bit) {
        if (bit < 0) throw new IllegalArgumentException("tape cell " + cell + " holds no symbol of " + machine.name());
        int b = (int) Math.floorDiv(cell - origin, B);
        int p = Math.floorMod(cell - origin, B);
        blocks[b] = (byte) ((blocks[b] & ~(1 << p)) | (bit << p));
    }

    /** Runs until the machine halts or {@code maxSteps} more steps are taken; returns the steps taken. */
    public long run(long maxSteps) {
        long start = steps;
        while (steps - start < maxSteps) {
            int c = blocks[block] & 0xFF;
            int at = ((state << 3) + pos << 8) + c;
            long e = table[at];
            if (e == 0) e = table[at] = compute(state, pos, c);
            int kind = (int) (e >>> 11) & 3;
            long n = e >>> 32;
            if ((e & LOOP) != 0 || n > maxSteps - (steps - start)) {
                if (!singleSteps(maxSteps - (steps - start))) break;
                continue;
            }
            blocks[block] = (byte) e;
            state = (int) (e >>> 13) & 0x7FFF;
            steps += n;
            if (kind == KIND_RIGHT) {
                pos = 0;
                if (++block > highBlock) {
                    highBlock = block;
                    if (block == blocks.length) grow();
                }
            } else if (kind == KIND_LEFT) {
                pos = B - 1;
                if (--block < lowBlock) {
                    lowBlock = block;
                    if (block < 0) grow();
                }
            } else {
                pos = (int) (e >>> 8) & 7;
                break; // halted
            }
        }
        return steps - start;
    }

    /**
     * Single steps until the head leaves the block, the machine halts, or the budget is spent;
     * false when it halted or the budget is spent.
     */
    private boolean singleSteps(long budget) {
        int b = block;
        for (long k = 0; k < budget; k++) {
            if (!step()) return false;
            if (block != b) return k + 1 < budget;
        }
        return false;
    }

    /** One step; false when the machine halts here. */
    public boolean step() {
        int y = (blocks[block] >> pos) & 1;
        int i = state * 2 + y;
        if (actions[i] == null) return false;
        blocks[block] = (byte) ((blocks[block] & ~(1 << pos)) | (write[i] << pos));
        state = next[i];
        steps++;
        pos += move[i];
        if (pos == B) {
            pos = 0;
            if (++block > highBlock) {
                highBlock = block;
                if (block == blocks.length) grow();
            }
        } else if (pos < 0) {
            pos = B - 1;
            if (--block < lowBlock) {
                lowBlock = block;
                if (block < 0) grow();
            }
        }
        return true;
    }

    /** Runs the machine inside one block from (state, pos, contents) until it leaves, halts or loops. */
    private long compute(int s, int p, int c) {
        long limit = (long) states * B * 256 + 1;
        long n = 0;
        while (true) {
            int i = s * 2 + ((c >> p) & 1);
            if (actions[i] == null) return pack(n, c, p, KIND_HALT, s);
            if (n > limit) return LOOP | pack(0, c, p, KIND_HALT, s);
            c = (c & ~(1 << p)) | (write[i] << p);
            s = next[i];
            p += move[i];
            n++;
            if (p == B) return pack(n, c, 0, KIND_RIGHT, s);
            if (p < 0) return pack(n, c, 0, KIND_LEFT, s);
        }
    }

    private static long pack(long steps, int contents, int pos, int kind, int state) {
        return steps << 32 | (long) state << 13 | (long) kind << 11 | (long) pos << 8 | contents;
    }

    private void grow() {
        int used = highBlock - lowBlock + 1;
        int n = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) blocks.length * 2, (long) used * 2 + 256));
        byte[] bigger = new byte[n];
        Arrays.fill(bigger, blankBlock);
        int lo = Math.max(0, lowBlock);
        int hi = Math.min(blocks.length - 1, highBlock);
        int shift = (n - used) / 2 - lowBlock;
        System.arraycopy(blocks, lo, bigger, lo + shift, hi - lo + 1);
        blocks = bigger;
        origin -= (long) shift * B;
        block += shift;
        lowBlock += shift;
        highBlock += shift;
    }

    public boolean halted() {
        return actions[state * 2 + ((blocks[block] >> pos) & 1)] == null;
    }

    public long steps() {
        return steps;
    }

    public int state() {
        return state;
    }

    public String stateName() {
        return machine.states().get(state);
    }

    public long head() {
        return origin + (long) block * B + pos;
    }

    @Override
    public int at(long cell) {
        long b = Math.floorDiv(cell - origin, B);
        if (b < 0 || b >= blocks.length) return blankBit;
        return (blocks[(int) b] >> Math.floorMod(cell - origin, B)) & 1;
    }

    /** The tape over every block the head visited or the input covered. */
    public Tape tape() {
        List<String> cells = new ArrayList<>();
        for (int b = lowBlock; b <= highBlock; b++) {
            for (int p = 0; p < B; p++) cells.add(machine.symbols().get((blocks[b] >> p) & 1));
        }
        return new Tape(origin + (long) lowBlock * B, cells);
    }
}
