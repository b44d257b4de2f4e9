package dev.mnemos.poem.action;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Choosing which orders to try on a training query. */
public final class Permutations {

    private Permutations() {}

    /** All m! orders, in lexicographic order. */
    public static List<Permutation> all(int m) {
        int n = Permutation.factorial(m);
        List<Permutation> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(Permutation.fromIndex(m, i));
        return out;
    }

    /**
     * T distinct orders of m ranks drawn at random, or all m! of them (in lexicographic order)
     * when m! &lt;= T.
     */
    public static List<Permutation> distinct(int m, int t, Random random) {
        if (t < 1) throw new IllegalArgumentException("T must be at least 1, got " + t);
        if (m > Permutation.MAX_SIZE) throw new IllegalArgumentException("m must be at most " + Permutation.MAX_SIZE);
        int total = Permutation.factorial(m);
        if (total <= t) return all(m);
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < t) picked.add(random.nextInt(total));
        List<Permutation> out = new ArrayList<>(t);
        for (int index : picked) out.add(Permutation.fromIndex(m, index));
        return out;
    }

    /** A uniformly random order of m ranks. */
    public static Permutation random(int m, Random random) {
        return Permutation.fromIndex(m, random.nextInt(Permutation.factorial(m)));
    }
}
