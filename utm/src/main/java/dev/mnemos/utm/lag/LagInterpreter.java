package dev.mnemos.utm.lag;

/**
 * The reference interpreter: symbols are integers, the queue a ring buffer that doubles when
 * full, and each step one lookup in a flat table indexed by the key's two symbols.
 * {@link #run(long)} keeps the loop's state in local variables (over 100 million steps per second
 * on one core for a 2,000-rule system, see the README).
 */
public final class LagInterpreter {

    /** Why the interpreter stopped; {@code RUNNING} while it can still step. */
    public enum Halt { RUNNING, NO_RULE, TOO_SHORT }

    private final LagSystem system;
    private final int shift;
    /**
     * table[first &lt;&lt; shift | second]: the value's symbol when it is one symbol (the common case,
     * one load per step), {@code -2 - offset} of the value in {@code values} otherwise, -1 for no rule.
     */
    private final int[] table;
    /** Per value: its length, then its symbols. */
    private final int[] values;
    private int[] buf;
    private int mask;
    private int head;
    private int tail;
    private long steps;
    private Halt halt = Halt.RUNNING;

    public LagInterpreter(LagSystem system, int[] queue) {
        this.system = system;
        int n = system.symbolCount();
        int s = 0;
        while ((1 << s) < n) s++;
        this.shift = s;
        this.table = new int[n << s];
        java.util.Arrays.fill(table, -1);
        int size = 0;
        for (Rule r : system.rules()) size += 1 + r.valueLength();
        this.values = new int[size];
        int at = 0;
        for (Rule r : system.rules()) {
            table[r.first() << s | r.second()] = r.valueLength() == 1 ? r.valueSymbol(0) : -2 - at;
            values[at++] = r.valueLength();
            for (int k = 0; k < r.valueLength(); k++) values[at++] = r.valueSymbol(k);
        }
        int cap = 16;
        while (cap < queue.length * 2) cap <<= 1;
        this.buf = new int[cap];
        this.mask = cap - 1;
        for (int q : queue) {
            if (q < 0 || q >= n) throw new LagException("queue symbol id " + q + " is not a symbol of " + system.name());
            buf[tail++] = q;
        }
        updateHalt();
    }

    public LagSystem system() { return system; }

    public long steps() { return steps; }

    public Halt halt() { return halt; }

    public boolean halted() { return halt != Halt.RUNNING; }

    public int size() { return tail - head; }

    /** The symbol at {@code position} from the front. */
    public int at(int position) {
        return buf[(head + position) & mask];
    }

    /** The queue's symbols, front first. */
    public int[] queue() {
        int[] q = new int[size()];
        for (int k = 0; k < q.length; k++) q[k] = buf[(head + k) & mask];
        return q;
    }

    /** The rule the next step applies, or null when halted. */
    public Rule nextRule() {
        return halted() ? null : system.rule(at(0), at(1));
    }

    /** One step; false (and nothing changes) when the system has halted. */
    public boolean step() {
        return run(1) == 1;
    }

    /** Up to {@code maxSteps} steps, fewer when the system halts; returns the steps taken. */
    public long run(long maxSteps) {
        int[] buf = this.buf;
        int[] table = this.table;
        int[] values = this.values;
        int mask = this.mask;
        int shift = this.shift;
        int head = this.head;
        int tail = this.tail;
        long done = 0;
        while (done < maxSteps && tail - head >= 2) {
            int entry = table[buf[head & mask] << shift | buf[(head + 1) & mask]];
            if (entry >= 0) {
                head++;
                buf[tail++ & mask] = entry;
                done++;
                continue;
            }
            if (entry == -1) break;
            int off = -2 - entry;
            int len = values[off];
            if (tail - head + len > mask) {
                this.head = head;
                this.tail = tail;
                grow(len);
                buf = this.buf;
                mask = this.mask;
                head = this.head;
                tail = this.tail;
            }
            head++;
            for (int k = 1; k <= len; k++) buf[tail++ & mask] = values[off + k];
            done++;
        }
        this.head = head;
        this.tail = tail;
        steps += done;
        updateHalt();
        return done;
    }

    private void updateHalt() {
        if (size() < 2) halt = Halt.TOO_SHORT;
        else if (table[at(0) << shift | at(1)] == -1) halt = Halt.NO_RULE;
        else halt = Halt.RUNNING;
    }

    private void grow(int extra) {
        int size = size();
        long cap = (long) buf.length;
        while (cap <= size + extra) cap <<= 1;
        if (cap > (1 << 30)) throw new LagException(system.name() + ": the queue outgrew 2^30 symbols after " + steps + " steps");
        int[] next = new int[(int) cap];
        for (int k = 0; k < size; k++) next[k] = buf[(head + k) & mask];
        buf = next;
        mask = next.length - 1;
        head = 0;
        tail = size;
    }
}
