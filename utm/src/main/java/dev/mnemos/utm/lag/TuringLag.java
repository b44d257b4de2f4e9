package dev.mnemos.utm.lag;

import dev.mnemos.utm.machine.Action;
import dev.mnemos.utm.machine.Move;
import dev.mnemos.utm.machine.TuringMachine;
import dev.mnemos.utm.sim.Tape;

import java.util.ArrayList;
import java.util.List;

/**
 * A Turing machine compiled to one fixed Lag system: the tape lives in the queue as a cycle
 * {@code D x1 .. xn}, a delimiter {@code D} followed by the used cells, one of them the head cell
 * {@code state.symbol}. One pass over the queue (n + 1 Lag steps) rewrites every cell once, so the
 * queue is a cellular automaton whose cells see one neighbour: their right one.
 *
 * <p>Two kinds of pass alternate, told apart by two copies of the alphabet (phase 0 names are the
 * machine's, phase 1 names end in {@code +}):
 * <ul>
 * <li><b>left pass</b> (phase 0 in, phase 1 out): each key {@code (x, y)} appends the new
 *     {@code x}, which knows its right neighbour {@code y}; a head whose action moves left acts
 *     here (its left neighbour sees it and becomes the head), one that moves right waits;</li>
 * <li><b>right pass</b> (phase 1 in, phase 0 out): each key {@code (x, y)} appends the new
 *     {@code y}, which knows its left neighbour {@code x} (the tape shifts by one place in the
 *     queue); a head that moves right acts here, one that moves left waits.</li>
 * </ul>
 * So a machine step costs one pass or two. The delimiter grows the tape: {@code (D, head)} in a
 * left pass appends a blank head cell before the tape when the head leaves it on the left, and the
 * last key of a right pass {@code (xn, D)} appends one after it when the head leaves on the right
 * (else nothing). Keys with a halting head have no rule, so the Lag system halts in the pass after
 * the machine reaches a halt.
 *
 * <p>Rules are made only for keys the table allows: the head symbols of each phase are those
 * reachable from the start state, every tape symbol assumed possible under a head that enters a
 * state (an over-approximation: some kept keys may be met by no tape), see {@link #ruleCount}. With k symbols and H0, H1 non-halting head symbols per phase that is
 * {@code 2(k^2 + 2k) + (2k + 2)(H0 + H1)} rules.
 */
public final class TuringLag {

    /** Symbol names of the delimiters; machine symbols and states cannot start with a dot. */
    static final String[] DELIMITER = {".D", ".D+"};

    private final TuringMachine machine;
    private final LagSystem lag;
    private final Alphabet ids;

    private TuringLag(TuringMachine machine, LagSystem lag, Alphabet ids) {
        this.machine = machine;
        this.lag = lag;
        this.ids = ids;
    }

    /** Compiles a machine; the system is named {@code name}. */
    public static TuringLag compile(TuringMachine machine, String name) {
        boolean[][] heads = reachableHeads(machine);
        LagSystem.Builder b = LagSystem.builder(name);
        new TuringLagRules(machine, heads, b, name + ": compiled rule").addAll();
        int k = machine.symbols().size();
        for (int p = 0; p < 2; p++) {
            for (int s = 0; s < machine.states().size(); s++) {
                for (int y = 0; y < k; y++) {
                    if (heads[p][s * k + y] && machine.action(s, y) == null) b.halt(Alphabet.headName(machine, p, s, y));
                }
            }
        }
        LagSystem lag = b.build();
        return new TuringLag(machine, lag, Alphabet.lookup(machine, lag));
    }

    /**
     * Which head symbols {@code [phase][state * k + symbol]} can occur: in phase 0 the start state
     * on any symbol; a left move in phase 0 puts the next state on any symbol in phase 1, a right
     * move waits (the same head in phase 1); a right move in phase 1 puts the next state on any
     * symbol in phase 0, a left move waits.
     */
    static boolean[][] reachableHeads(TuringMachine m) {
        int k = m.symbols().size();
        boolean[][] seen = new boolean[2][m.states().size() * k];
        List<int[]> todo = new ArrayList<>();
        for (int y = 0; y < k; y++) todo.add(new int[] {0, m.startIndex(), y});
        while (!todo.isEmpty()) {
            int[] h = todo.remove(todo.size() - 1);
            int p = h[0];
            int s = h[1];
            int y = h[2];
            if (seen[p][s * k + y]) continue;
            seen[p][s * k + y] = true;
            Action act = m.action(s, y);
            if (act == null) continue;
            boolean acts = act.move() == (p == 0 ? Move.L : Move.R);
            if (!acts) {
                todo.add(new int[] {1 - p, s, y});
            } else {
                for (int c = 0; c < k; c++) todo.add(new int[] {1 - p, m.stateIndex(act.next()), c});
            }
        }
        return seen;
    }

    /** The number of rules {@link #compile} makes for a machine (what {@code lag().ruleCount()} is). */
    public static long ruleCount(TuringMachine m) {
        boolean[][] heads = reachableHeads(m);
        int k = m.symbols().size();
        long count = 0;
        for (int p = 0; p < 2; p++) {
            long h = 0;
            for (int s = 0; s < m.states().size(); s++) {
                for (int y = 0; y < k; y++) if (heads[p][s * k + y] && m.action(s, y) != null) h++;
            }
            count += (long) k * k + 2L * k + (2L * k + 2) * h;
        }
        return count;
    }

    public LagSystem lag() { return lag; }

    public TuringMachine machine() { return machine; }

    /**
     * The queue for a machine in its start state on {@code tape} with the head on cell
     * {@code head}: the delimiter, then the cells from {@code min(first, head)} to
     * {@code max(end, head + 1)}, as the reference simulator counts its used tape.
     */
    public int[] encode(Tape tape, long head) {
        long lo = Math.min(tape.first(), head);
        long hi = Math.max(tape.end(), head + 1);
        int[] q = new int[(int) (hi - lo) + 1];
        q[0] = ids.delimiter[0];
        for (long c = lo; c < hi; c++) {
            int y = machine.symbolIndex(tape.at(c, machine.blank()));
            if (y < 0) throw new IllegalArgumentException("tape cell " + c + ": '" + tape.at(c, machine.blank()) + "' is not a symbol of " + machine.name());
            q[(int) (c - lo) + 1] = c == head ? ids.head(0, machine.startIndex(), y) : ids.plain[0][y];
        }
        return q;
    }

    /** The first cell {@link #encode} puts in the queue. */
    public static long firstCell(Tape tape, long head) {
        return Math.min(tape.first(), head);
    }

    /** Whether a symbol is a delimiter: a queue that starts with one holds exactly one pass's tape. */
    public boolean isDelimiter(int symbol) {
        return symbol == ids.delimiter[0] || symbol == ids.delimiter[1];
    }

    /** The phase of a delimiter: 0 before a left pass, 1 before a right pass. */
    public int phase(int delimiter) {
        return delimiter == ids.delimiter[0] ? 0 : 1;
    }

    /**
     * The machine configuration a queue between two passes stands for (it starts with a
     * delimiter). Cells are numbered from the first cell of the queue's tape (0).
     */
    public Configuration decode(int[] queue, int from, int to) {
        if (to <= from || !isDelimiter(queue[from])) {
            throw new LagException(lag.name() + ": a queue between passes starts with a delimiter");
        }
        List<String> cells = new ArrayList<>(to - from - 1);
        int head = -1;
        String state = null;
        for (int k = from + 1; k < to; k++) {
            int sym = queue[k];
            int plain = ids.plainOf[sym];
            if (plain >= 0) {
                cells.add(machine.symbols().get(plain));
                continue;
            }
            int h = ids.headOf[sym];
            if (h < 0 || head >= 0) throw new LagException(lag.name() + ": symbol " + (k - from) + " '" + lag.symbol(sym) + "' is not a tape cell here");
            int k2 = machine.symbols().size();
            head = k - from - 1;
            state = machine.states().get(h / k2);
            cells.add(machine.symbols().get(h % k2));
        }
        if (head < 0) throw new LagException(lag.name() + ": the queue holds no head cell");
        return new Configuration(cells, head, state, phase(queue[from]));
    }

    public Configuration decode(int[] queue) {
        return decode(queue, 0, queue.length);
    }

    /**
     * Reads a whole run back from the queue's history: every symbol the queue ever held, in order
     * (the start queue, then each value appended), with the queue's front at {@code front}. Each
     * pass's tape lies between two delimiters; a pass whose configuration differs from the one
     * before took a machine step, and one that grew by a head cell in front moved the tape's first
     * cell (numbered {@code firstCell} at the start) one to the left. The last configuration is
     * that of the last whole pass: the one the queue starts with, or, when the queue stopped
     * inside a pass, the one before it (a halting pass changes nothing).
     */
    public Replay replay(int[] history, int front, long firstCell) {
        if (history.length == 0 || history[0] != ids.delimiter[0]) {
            throw new LagException(lag.name() + ": the history does not start with the start queue's delimiter");
        }
        Configuration last = null;
        long first = firstCell;
        long steps = 0;
        long passes = -1;
        int from = 0;
        for (int k = 1; k <= history.length; k++) {
            boolean end = k == history.length;
            if (!end && !isDelimiter(history[k])) continue;
            if (end && from != front) break;
            Configuration c = decode(history, from, k);
            if (last != null && !c.sameMachineState(last)) {
                steps++;
                if (c.cells().size() == last.cells().size() + 1 && c.head() == 0) first--;
            }
            last = c;
            passes++;
            from = k;
        }
        return new Replay(last, first, steps, passes);
    }

    /**
     * A run read back: the last whole pass's configuration, the cell number of its first cell, the
     * machine steps and the whole passes taken.
     */
    public record Replay(Configuration configuration, long firstCell, long machineSteps, long passes) {

        /** The head's cell number. */
        public long head() {
            return firstCell + configuration.head();
        }
    }

    /**
     * A machine configuration read from a queue: the tape's cells from the first one the queue
     * holds, the head's place among them, the state, and the phase of the next pass.
     */
    public record Configuration(List<String> cells, int head, String state, int phase) {

        public Configuration {
            cells = List.copyOf(cells);
        }

        /** The tape, its first cell numbered {@code first}. */
        public Tape tape(long first) {
            return new Tape(first, cells);
        }

        /** The same machine configuration (the phase aside). */
        public boolean sameMachineState(Configuration o) {
            return o.head == head && o.state.equals(state) && o.cells.equals(cells);
        }
    }
}
