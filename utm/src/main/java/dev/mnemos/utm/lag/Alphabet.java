package dev.mnemos.utm.lag;

import dev.mnemos.utm.machine.TuringMachine;

import java.util.Arrays;

/**
 * The names and ids of a {@link TuringLag} system's symbols: per phase, the plain cells (the
 * machine's symbols; phase 1 adds {@code +}), the head cells {@code state.symbol} (phase 1:
 * {@code state.symbol+}) and the delimiter ({@code .D}, {@code .D+}).
 */
final class Alphabet {

    /** plain[phase][symbol]: the id, or -1 when the system does not use it. */
    final int[][] plain;
    /** delimiter[phase]: the id. */
    final int[] delimiter;
    /** plainOf[id]: the machine symbol of a plain cell, or -1. */
    final int[] plainOf;
    /** headOf[id]: state * k + symbol of a head cell, or -1. */
    final int[] headOf;
    private final int[][] head;

    private Alphabet(int symbols, int states, int ids) {
        plain = new int[2][symbols];
        head = new int[2][symbols * states];
        delimiter = new int[2];
        plainOf = new int[ids];
        headOf = new int[ids];
        for (int[] row : plain) Arrays.fill(row, -1);
        for (int[] row : head) Arrays.fill(row, -1);
        Arrays.fill(plainOf, -1);
        Arrays.fill(headOf, -1);
    }

    static String plainName(TuringMachine m, int phase, int symbol) {
        return m.symbols().get(symbol) + (phase == 1 ? "+" : "");
    }

    static String headName(TuringMachine m, int phase, int state, int symbol) {
        return m.states().get(state) + "." + m.symbols().get(symbol) + (phase == 1 ? "+" : "");
    }

    /** The ids the compiled {@code lag} gave every name. */
    static Alphabet lookup(TuringMachine m, LagSystem lag) {
        int k = m.symbols().size();
        Alphabet a = new Alphabet(k, m.states().size(), lag.symbolCount());
        for (int p = 0; p < 2; p++) {
            a.delimiter[p] = lag.id(TuringLag.DELIMITER[p]);
            for (int y = 0; y < k; y++) {
                int id = lag.id(plainName(m, p, y));
                a.plain[p][y] = id;
                if (id >= 0) a.plainOf[id] = y;
                for (int s = 0; s < m.states().size(); s++) {
                    int h = lag.id(headName(m, p, s, y));
                    a.head[p][s * k + y] = h;
                    if (h >= 0) a.headOf[h] = s * k + y;
                }
            }
        }
        return a;
    }

    int head(int phase, int state, int symbol) {
        return head[phase][state * plain[0].length + symbol];
    }
}
