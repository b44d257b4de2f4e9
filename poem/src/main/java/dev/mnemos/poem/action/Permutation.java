package dev.mnemos.poem.action;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An action: the order in which the m chosen examples appear in the prompt, written as ranks.
 * Rank 1 is the example most similar to the query. {@code [3,1,4,2]} puts rank 3 first, then
 * rank 1, rank 4 and rank 2. Because it speaks of ranks, not of particular examples, an order
 * learned on one query applies to any other query. Immutable.
 */
public final class Permutation {

    /** Largest m supported: 12! still fits an int index. */
    public static final int MAX_SIZE = 12;

    private final byte[] ranks;
    private final int hash;

    private Permutation(byte[] ranks) {
        this.ranks = ranks;
        this.hash = Arrays.hashCode(ranks);
    }

    /** The order given by these ranks (1-based); each of 1..m exactly once. */
    public static Permutation of(int... ranks) {
        int m = ranks.length;
        if (m < 1 || m > MAX_SIZE) {
            throw new IllegalArgumentException("a permutation needs 1 to " + MAX_SIZE + " ranks, got " + m);
        }
        byte[] copy = new byte[m];
        boolean[] seen = new boolean[m + 1];
        for (int i = 0; i < m; i++) {
            int r = ranks[i];
            if (r < 1 || r > m || seen[r]) {
                throw new IllegalArgumentException("not a permutation of 1.." + m + ": " + Arrays.toString(ranks));
            }
            seen[r] = true;
            copy[i] = (byte) r;
        }
        return new Permutation(copy);
    }

    /** Parses {@code [3,1,4,2]} or {@code 3,1,4,2}; spaces are allowed. */
    public static Permutation parse(String text) {
        String body = text.strip();
        if (body.startsWith("[") && body.endsWith("]")) body = body.substring(1, body.length() - 1);
        String[] parts = body.split(",");
        int[] ranks = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ranks[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a permutation: '" + text + "'");
            }
        }
        return of(ranks);
    }

    /** Most similar first: [1,2,...,m]. */
    public static Permutation identity(int m) {
        int[] r = new int[m];
        for (int i = 0; i < m; i++) r[i] = i + 1;
        return of(r);
    }

    /** Most similar last: [m,...,2,1]. */
    public static Permutation reversed(int m) {
        int[] r = new int[m];
        for (int i = 0; i < m; i++) r[i] = m - i;
        return of(r);
    }

    /** The permutation with this index in lexicographic order (0 = identity), see {@link #index()}. */
    public static Permutation fromIndex(int m, int index) {
        if (m < 1 || m > MAX_SIZE) throw new IllegalArgumentException("m must be 1.." + MAX_SIZE + ", got " + m);
        int total = factorial(m);
        if (index < 0 || index >= total) {
            throw new IllegalArgumentException("index " + index + " out of range for m = " + m);
        }
        List<Integer> left = new ArrayList<>();
        for (int i = 1; i <= m; i++) left.add(i);
        int[] r = new int[m];
        int rest = index;
        for (int i = 0; i < m; i++) {
            int f = factorial(m - 1 - i);
            r[i] = left.remove(rest / f);
            rest %= f;
        }
        return of(r);
    }

    public static int factorial(int n) {
        int f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    /** Position in lexicographic order of all m! permutations (Lehmer code). */
    public int index() {
        int m = ranks.length;
        int index = 0;
        for (int i = 0; i < m; i++) {
            int smallerAfter = 0;
            for (int j = i + 1; j < m; j++) if (ranks[j] < ranks[i]) smallerAfter++;
            index += smallerAfter * factorial(m - 1 - i);
        }
        return index;
    }

    /** m, the number of examples this order places. */
    public int size() {
        return ranks.length;
    }

    /** The rank placed at this position (0-based position, 1-based rank). */
    public int rankAt(int position) {
        return ranks[position];
    }

    public int[] ranks() {
        int[] r = new int[ranks.length];
        for (int i = 0; i < r.length; i++) r[i] = ranks[i];
        return r;
    }

    /** Puts items given by rank (index 0 = rank 1) in this order. */
    public <T> List<T> apply(List<T> byRank) {
        if (byRank.size() != ranks.length) {
            throw new IllegalArgumentException("order of " + ranks.length + " applied to " + byRank.size() + " items");
        }
        List<T> out = new ArrayList<>(ranks.length);
        for (byte r : ranks) out.add(byRank.get(r - 1));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Permutation p && Arrays.equals(ranks, p.ranks);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ranks.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(ranks[i]);
        }
        return sb.append(']').toString();
    }
}
