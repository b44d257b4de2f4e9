package dev.mnemos.utm.lag;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic Lag systems shaped like the published U15,2 one (for sizes, tests and benchmarks):
 * two-letter symbols, keys of two symbols, values of one symbol except about 0.8% of two (16 of
 * 2,027 there). The keys are the first {@code rules} pairs of the first n symbols in row order,
 * n the least with n*n &gt;= rules; values never hold the last symbol, so a run never reaches a
 * missing key and goes on for ever.
 */
public final class Synthetic {

    private Synthetic() {}

    public static LagSystem dictionary(int rules, long seed) {
        if (rules < 4) throw new IllegalArgumentException("at least 4 rules, got " + rules);
        int m = (int) Math.sqrt(rules);
        while (m * m > rules) m--;
        Random rnd = new Random(seed);
        LagSystem.Builder b = LagSystem.builder("synthetic-" + rules);
        for (int i = 0; i <= m; i++) b.symbol(Rename.letters(i, 2));
        int twos = Math.max(1, Math.round(rules * 16f / 2027f));
        for (int r = 0; r < rules; r++) {
            int[] key = key(r, m);
            List<String> value = new ArrayList<>(2);
            value.add(Rename.letters(rnd.nextInt(m), 2));
            if (r % (rules / twos) == 0) value.add(Rename.letters(rnd.nextInt(m), 2));
            b.rule(Rename.letters(key[0], 2), Rename.letters(key[1], 2), value, "synthetic rule " + (r + 1));
        }
        return b.build();
    }

    /** Key r: first all pairs of symbols 0..m-1, then (m, y), then (x, m), then (m, m). */
    private static int[] key(int r, int m) {
        if (r < m * m) return new int[] {r / m, r % m};
        r -= m * m;
        if (r < m) return new int[] {m, r};
        r -= m;
        return r < m ? new int[] {r, m} : new int[] {m, m};
    }

    /** A queue of {@code length} random symbols, none the last (which no value holds). */
    public static int[] queue(LagSystem system, int length, long seed) {
        Random rnd = new Random(seed);
        int[] q = new int[length];
        for (int k = 0; k < length; k++) q[k] = rnd.nextInt(system.symbolCount() - 1);
        return q;
    }
}
