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
 * <p>With {@code width} cells per symbol ({@link #compile(TuringMachine, String, int)}) a symbol
 * is a block of cells; a head moves inside its block in any pass and crosses into the next block
 * only in the pass of its direction, so a sweep one way takes one pass per step, and a pass is
 * shorter; the rules grow with k^(2 width).
 *
 * <p>Rules are made only for keys the table allows: the head symbols of each phase are those
 * reachable from the start state, every tape symbol assumed possible under a head that enters a
 * state (an over-approximation: some kept keys may be met by no tape), see {@link #ruleCount}.
 * With one cell per symbol, k symbols and H0, H1 non-halting head symbols per phase that is
 * {@code 2(k^2 + 2k) + (2k + 2)(H0 + H1)} rules.
 */
public final class TuringLag {

    /** Symbol names of the delimiters; machine symbols and states cannot start with a dot. */
    static final String[] DELIMITER = {".D", ".D+"};
    /** At most this many blocks (k^width) of cells. */
    public static final int MAX_BLOCKS = 4096;

    private final TuringMachine machine;
    private final LagSystem lag;
    private final TuringLagAlphabet ids;

    private TuringLag(TuringMachine machine, LagSystem lag, TuringLagAlphabet ids) {
        this.machine = machine;
        this.lag = lag;
        this.ids = ids;
    }

    /** Compiles a machine, one tape cell per symbol; the system is named {@code name}. */
    public static TuringLag compile(TuringMachine machine, String name) {
        return compile(machine, name, 1);
    }

    /**
     * Compiles a machine with {@code width} tape cells per symbol (1: fewest rules; 2: about one
     * pass per machine step and half as many symbols in the queue).
     */
    public static TuringLag compile(TuringMachine machine, String name, int width) {
        int blocks = blocks(machine, width);
        boolean[][] heads = reachableHeads(machine, width, blocks);
        LagSystem.Builder b = LagSystem.builder(name);
        new TuringLagRules(machine, width, blocks, heads, b, name + ": compiled rule").addAll();
        for (int p = 0; p < 2; p++) {
            for (int h = 0; h < heads[p].length; h++) {
                int state = h / blocks / width;
                int position = h / blocks % width;
                if (heads[p][h] && machine.action(state, TuringLagAlphabet.cell(machine, width, h % blocks, position)) == null) {
                    b.halt(TuringLagAlphabet.headName(machine, width, p, state, position, h % blocks));
                }
            }
        }
        LagSystem lag = b.build();
        return new TuringLag(machine, lag, TuringLagAlphabet.lookup(machine, width, blocks, lag));
    }

    private static int blocks(TuringMachine m, int width) {
        int blocks = width < 1 ? -1 : TuringLagAlphabet.blocks(m.symbols().size(), width, MAX_BLOCKS);
        if (blocks < 0) {
            throw new LagException(m.name() + ": " + width + " cells per symbol: give 1 or more, with at most "
                    + MAX_BLOCKS + " blocks (" + m.symbols().size() + " symbols to the power " + width + ")");
        }
        return blocks;
    }

    /**
     * Which head blocks {@code [phase][(state * width + position) * blocks + block]} can occur: in
     * phase 0 the start state anywhere in any block. A move inside the block gives the moved head in
     * the other phase; a left move out of the block in phase 0 (a right move in phase 1) puts the
     * next state at the near end of any block in the other phase; a move out of the block in the
     * other direction waits (the same head in the other phase).
     */
    static boolean[][] reachableHeads(TuringMachine m, int width, int blocks) {
        boolean[][] seen = new boolean[2][m.states().size() * width * blocks];
        List<int[]> todo = new ArrayList<>();
        for (int h = 0; h < width; h++) for (int c = 0; c < blocks; c++) todo.add(new int[] {0, m.startIndex(), h, c});
        while (!todo.isEmpty()) {
            int[] x = todo.remove(todo.size() - 1);
            int p = x[0], s = x[1], h = x[2], c = x[3];
            int code = (s * width + h) * blocks + c;
            if (seen[p][code]) continue;
            seen[p][code] = true;
            Action act = m.action(s, TuringLagAlphabet.cell(m, width, c, h));
            if (act == null) continue;
            int next = m.stateIndex(act.next());
            int written = TuringLagAlphabet.with(m, width, c, h, m.symbolIndex(act.write()));
            int to = h + act.move().delta();
            if (to >= 0 && to < width) {
                todo.add(new int[] {1 - p, next, to, written});
            } else if (act.move() == (p == 0 ? Move.L : Move.R)) {
                for (int any = 0; any < blocks; any++) todo.add(new int[] {1 - p, next, to < 0 ? width - 1 : 0, any});
            } else {
                todo.add(new int[] {1 - p, s, h, c});
            }
        }
        return seen;
    }

    /** The number of rules {@link #compile} makes for a machine with one cell per symbol. */
    public static long ruleCount(TuringMachine m) {
        return ruleCount(m, 1);
    }

    /**
     * The number of rules {@link #compile} makes: per kind of pass, with B = k^width blocks,
     * {@code B^2 + 2B} keys without a head and {@code 2B + 2} per reachable head block that does
     * not halt.
     */
    public static long ruleCount(TuringMachine m, int width) {
        int blocks = blocks(m, width);
        boolean[][] heads = reachableHeads(m, width, blocks);
        long count = 0;
        for (int p = 0; p < 2; p++) {
            long live = 0;
            for (int h = 0; h < heads[p].length; h++) {
                int state = h / blocks / width;
                int position = h / blocks % width;
                if (heads[p][h] && m.action(state, TuringLagAlphabet.cell(m, width, h % blocks, position)) != null) live++;
            }
            count += (long) blocks * blocks + 2L * blocks + (2L * blocks + 2) * live;
        }
        return count;
    }

    public LagSystem lag() { return lag; }

    public TuringMachine machine() { return machine; }

    /** Tape cells per symbol. */
    public int width() { return ids.width; }

    /**
     * The queue for a machine in its start state on {@code tape} with the head on cell
     * {@code head}: the delimiter, then the cells from {@code min(first, head)} to
     * {@code max(end, head + 1)} (the used tape, as the reference simulator counts it), in blocks of
     * {@link #width()} cells, the last one filled up with blanks.
     */
    public int[] encode(Tape tape, long head) {
        long lo = firstCell(tape, head);
        long hi = Math.max(tape.end(), head + 1);
        int w = ids.width;
        int n = (int) ((hi - lo + w - 1) / w);
        int[] q = new int[n + 1];
        q[0] = ids.delimiter[0];
        int k = machine.symbols().size();
        for (int blockIndex = 0; blockIndex < n; blockIndex++) {
            int block = 0;
            int position = -1;
            for (int j = 0; j < w; j++) {
                long c = lo + (long) blockIndex * w + j;
                int y = machine.symbolIndex(tape.at(c, machine.blank()));
                if (y < 0) throw new IllegalArgumentException("tape cell " + c + ": '" + tape.at(c, machine.blank()) + "' is not a symbol of " + machine.name());
                block = block * k + y;
                if (c == head) position = j;
            }
            q[blockIndex + 1] = position >= 0 ? ids.head(0, machine.startIndex(), position, block) : ids.plain[0][block];
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
     * The machine configuration of {@code queue[from..to)}, a queue between two passes (it starts
     * with a delimiter). Cells are numbered from the first cell of the queue's tape (0).
     */
    public Configuration decode(int[] queue, int from, int to) {
        if (to <= from || !isDelimiter(queue[from])) {
            throw new LagException(lag.name() + ": a queue between passes starts with a delimiter");
        }
        int w = ids.width;
        List<String> cells = new ArrayList<>((to - from - 1) * w);
        int head = -1;
        String state = null;
        for (int k = from + 1; k < to; k++) {
            int sym = queue[k];
            int block = ids.plainOf[sym];
            if (block < 0) {
                int h = ids.headOf[sym];
                if (h < 0 || head >= 0) throw new LagException(lag.name() + ": symbol " + (k - from) + " '" + lag.symbol(sym) + "' is not a tape block here");
                block = h % ids.blocks;
                head = (k - from - 1) * w + h / ids.blocks % w;
                state = machine.states().get(h / ids.blocks / w);
            }
            for (int j = 0; j < w; j++) cells.add(machine.symbols().get(TuringLagAlphabet.cell(machine, w, block, j)));
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
     * before took a machine step, and one that grew by a head block in front moved the tape's first
     * cell (numbered {@code firstCell} at the start) one block to the left. The last configuration is
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
                if (c.cells().size() == last.cells().size() + ids.width && c.head() < ids.width) first -= ids.width;
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
