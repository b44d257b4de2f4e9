package dev.mnemos.utm.sim;

import dev.mnemos.utm.machine.Action;
import dev.mnemos.utm.machine.TuringMachine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference simulator: runs a {@link TuringMachine} exactly, on a tape that grows both ways,
 * counting steps in a {@code long}. One step is one transition; a run halts when the machine is in
 * a halting (state, symbol) pair, without taking a step there.
 *
 * <p>Fast by construction: the tape is a byte array, the table an int array indexed by
 * {@code state * symbols + symbol}, and the hot loop allocates nothing.
 */
public final class Simulator implements Cells {

    private static final int HALT = -1;
    private static final int MIN_TAPE = 1024;

    private final TuringMachine machine;
    private final int k;
    /**
     * code[state*k + symbol]: bits 0-7 the symbol written, bit 8 set for a right move, bits 9-31
     * the next state times k; HALT for a halting pair.
     */
    private final int[] code;
    private final byte blank;

    private byte[] tape;
    /** The cell number of tape[0]. */
    private long origin;
    private int pos;
    /** The current state times k. */
    private int stateK;
    private long steps;
    /** Lowest and highest array index ever touched or loaded (the used part of the tape). */
    private int low;
    private int high;

    public Simulator(TuringMachine machine, Tape tape, long head) {
        this(machine, tape, head, machine.start());
    }

    /** A simulator in any configuration: the machine in {@code state}, the head on {@code head}. */
    public Simulator(TuringMachine machine, Tape tape, long head, String state) {
        this.machine = machine;
        this.k = machine.symbols().size();
        this.code = compile(machine);
        this.blank = (byte) machine.blankIndex();
        int s = machine.stateIndex(state);
        if (s < 0) throw new IllegalArgumentException("machine " + machine.name() + " has no state '" + state + "'");
        load(tape, head);
        this.stateK = s * k;
    }

    /** A simulator on a blank tape with the head at cell 0. */
    public Simulator(TuringMachine machine) {
        this(machine, new Tape(0, List.of()), 0);
    }

    private static int[] compile(TuringMachine m) {
        int k = m.symbols().size();
        int[] code = new int[m.states().size() * k];
        for (int s = 0; s < m.states().size(); s++) {
            for (int y = 0; y < k; y++) {
                Action a = m.action(s, y);
                code[s * k + y] = a == null ? HALT
                        : m.symbolIndex(a.write()) | (a.move().delta() > 0 ? 1 << 8 : 0) | (m.stateIndex(a.next()) * k) << 9;
            }
        }
        return code;
    }

    private void load(Tape t, long head) {
        long lo = Math.min(t.first(), head);
        long hi = Math.max(t.end(), head + 1);
        long size = Math.max(MIN_TAPE, 2 * (hi - lo) + 2 * MIN_TAPE);
        if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("tape too long: " + (hi - lo) + " cells");
        tape = new byte[(int) size];
        Arrays.fill(tape, blank);
        origin = lo - (size - (hi - lo)) / 2;
        for (int i = 0; i < t.cells().size(); i++) {
            int y = machine.symbolIndex(t.cells().get(i));
            if (y < 0) throw new IllegalArgumentException("tape cell " + (t.first() + i) + ": '" + t.cells().get(i)
                    + "' is not one of the symbols " + machine.symbols());
            tape[(int) (t.first() + i - origin)] = (byte) y;
        }
        pos = (int) (head - origin);
        low = (int) (lo - origin);
        high = (int) (hi - 1 - origin);
    }

    /**
     * Runs until the machine halts or {@code maxSteps} more steps are taken; returns the steps
     * taken by this call.
     */
    public long run(long maxSteps) {
        final int[] code = this.code;
        byte[] tape = this.tape;
        int pos = this.pos;
        int s = this.stateK;
        long n = 0;
        int low = this.low;
        int high = this.high;
        while (n < maxSteps) {
            int c = code[s + tape[pos]];
            if (c == HALT) break;
            tape[pos] = (byte) c;
            if ((c & 0x100) != 0) {
                if (++pos > high) {
                    high = pos;
                    if (pos == tape.length) { this.pos = pos; this.low = low; this.high = high; grow(); tape = this.tape; pos = this.pos; low = this.low; high = this.high; }
                }
            } else {
                if (--pos < low) {
                    low = pos;
                    if (pos < 0) { this.pos = pos; this.low = low; this.high = high; grow(); tape = this.tape; pos = this.pos; low = this.low; high = this.high; }
                }
            }
            s = c >>> 9;
            n++;
        }
        this.pos = pos;
        this.stateK = s;
        this.low = low;
        this.high = high;
        this.steps += n;
        return n;
    }

    /**
     * Runs until, after a step, the machine is in {@code state} (an index in
     * {@link TuringMachine#states()}), or it halts, or {@code maxSteps} more steps are taken.
     */
    public long runUntilState(int state, long maxSteps) {
        long n = 0;
        int target = state * k;
        while (n < maxSteps) {
            if (!step()) break;
            n++;
            if (stateK == target) break;
        }
        return n;
    }

    /** Takes one step; false (and nothing changes) when the machine halts here. */
    public boolean step() {
        return run(1) == 1;
    }

    /** Moves the used part of the tape to the middle of an array twice as large. */
    private void grow() {
        int used = Math.max(high, pos) - Math.min(low, pos) + 1;
        long size = Math.max((long) tape.length * 2, (long) used * 2 + MIN_TAPE);
        if (size > Integer.MAX_VALUE - 8) throw new IllegalStateException("tape grew past " + Integer.MAX_VALUE + " cells");
        byte[] bigger = new byte[(int) size];
        Arrays.fill(bigger, blank);
        int lo = Math.max(0, Math.min(low, pos));
        int hi = Math.min(tape.length - 1, Math.max(high, pos));
        int shift = (int) ((size - used) / 2) - Math.min(low, pos);
        System.arraycopy(tape, lo, bigger, lo + shift, hi - lo + 1);
        tape = bigger;
        origin -= shift;
        pos += shift;
        low += shift;
        high += shift;
    }

    /** Whether the machine is in a halting (state, symbol) pair. */
    public boolean halted() {
        return code[stateK + tape[pos]] == HALT;
    }

    /** Steps taken so far. */
    public long steps() {
        return steps;
    }

    /** The current state's index. */
    public int state() {
        return stateK / k;
    }

    public String stateName() {
        return machine.states().get(state());
    }

    /** The head's cell number. */
    public long head() {
        return origin + pos;
    }

    /** The index of the symbol under the head. */
    public int symbol() {
        return tape[pos];
    }

    public String symbolName() {
        return machine.symbols().get(symbol());
    }

    @Override
    public int at(long cell) {
        long i = cell - origin;
        return i < 0 || i >= tape.length ? blank : tape[(int) i];
    }

    /** The used part of the tape: every cell that held input or that the head visited. */
    public Tape tape() {
        int lo = Math.min(low, pos);
        int hi = Math.max(high, pos);
        List<String> cells = new ArrayList<>(hi - lo + 1);
        for (int i = lo; i <= hi; i++) cells.add(machine.symbols().get(tape[i]));
        return new Tape(origin + lo, cells);
    }

    /** The lowest and highest cell numbers of the used part of the tape. */
    public long lowestCell() {
        return origin + Math.min(low, pos);
    }

    public long highestCell() {
        return origin + Math.max(high, pos);
    }

    public TuringMachine machine() {
        return machine;
    }
}
