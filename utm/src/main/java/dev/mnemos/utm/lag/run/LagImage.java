package dev.mnemos.utm.lag.run;

import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.lag.LagException;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.Rule;
import dev.mnemos.utm.lag.check.Dictionary;

import java.util.regex.Pattern;

/**
 * A Lag system's queue in string memory. Cells {@code "0"}, {@code "1"}, ... hold one symbol
 * each; {@code i} is the position of the queue's front, {@code j = i + 1} of its second symbol,
 * and {@code t} (with {@code t1}, {@code t2}, ... = t+1, t+2, ... for longer values) where the next
 * symbols go. {@code dict} holds the dictionary prompt (as lag-check sends it) and {@code op} the
 * lookup {@code @[dict]KEY: @[@[i]]@[@[j]]\nVALUE: }: the Read stage makes it the prompt for the
 * current key. An answer appends the value at {@code t} and moves every pointer on (see
 * {@link LookupProcessor}); cells before {@code i} are the queue's past, left in memory.
 */
public final class LagImage {

    public static final String DICT = "dict";
    public static final String FRONT = "i";
    public static final String SECOND = "j";
    public static final String TAIL = "t";

    /** Symbols must be safe inside the runtime's instruction text and labels. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.+-]+");

    private LagImage() {}

    /** The memory for {@code queue} (symbol ids) and {@code dictionary}. */
    public static Memory of(Dictionary dictionary, int[] queue) {
        LagSystem system = dictionary.system();
        checkSymbols(system);
        if (queue.length == 0) throw new LagException("the queue is empty; a Lag system needs at least two symbols to take a step");
        Memory m = new Memory("");
        for (int k = 0; k < queue.length; k++) m.put(Long.toString(k), system.symbol(queue[k]));
        m.put(DICT, dictionary.prefix());
        m.put("op", lookup(system));
        m.put(FRONT, 0L);
        m.put(SECOND, 1L);
        for (int p = 0; p < pointers(system); p++) m.put(tail(p), (long) queue.length + p);
        return m;
    }

    /** The text of {@code op}: the dictionary, then the key at the front. */
    public static String lookup(LagSystem system) {
        String sep = system.symbolWidth() > 0 ? "" : " ";
        return "@[" + DICT + "]" + Dictionary.KEY_LINE + "@[@[" + FRONT + "]]" + sep + "@[@[" + SECOND + "]]\n" + Dictionary.VALUE_LINE;
    }

    /** Tail pointers the system needs: one per symbol of its longest value, at least one. */
    public static int pointers(LagSystem system) {
        int max = 1;
        for (Rule r : system.rules()) max = Math.max(max, r.valueLength());
        return max;
    }

    /** The label of tail pointer {@code p}: {@code t}, {@code t1}, {@code t2}, ... */
    public static String tail(int p) {
        return p == 0 ? TAIL : TAIL + p;
    }

    /** The queue in memory, front first, as symbol ids; a cell that holds no symbol fails naming it. */
    public static int[] queue(Memory m, LagSystem system) {
        long front = m.readLong(FRONT);
        long end = m.readLong(TAIL);
        if (end < front) throw new LagException("memory: the tail t = " + end + " is before the front i = " + front);
        if (end - front > m.size()) throw new LagException("memory: the tail t = " + end + " is past the cells memory holds (front i = " + front + ")");
        int[] q = new int[(int) (end - front)];
        for (int k = 0; k < q.length; k++) {
            String cell = Long.toString(front + k);
            int id = system.id(m.read(cell));
            if (id < 0) throw new LagException("memory: cell " + cell + " holds '" + m.read(cell) + "', not a symbol of " + system.name());
            q[k] = id;
        }
        return q;
    }

    /**
     * Every symbol the queue has held, as symbol ids: the cells from {@code 0} to the tail (the
     * runtime deletes nothing, so the past before the front {@code i} is still in memory).
     */
    public static int[] history(Memory m, LagSystem system) {
        long end = m.readLong(TAIL);
        if (end < 0 || end > m.size()) throw new LagException("memory: the tail t = " + end + " is not within the cells memory holds");
        int[] h = new int[(int) end];
        for (int k = 0; k < h.length; k++) {
            String cell = Long.toString(k);
            int id = system.id(m.read(cell));
            if (id < 0) throw new LagException("memory: cell " + cell + " holds '" + m.read(cell) + "', not a symbol of " + system.name());
            h[k] = id;
        }
        return h;
    }

    static void checkSymbols(LagSystem system) {
        for (String s : system.symbols()) {
            if (!SAFE.matcher(s).matches()) {
                throw new LagException(system.name() + ": symbol '" + s + "' cannot go in string memory (letters, digits and _.+- only)");
            }
        }
    }
}
