package dev.mnemos.poem.tune;

import java.util.HashMap;
import java.util.Map;

/**
 * The best single fixed order, held out like the reads: for a held-out query, the order with the
 * highest mean reward over the other queries' episodes, among the orders this query was tried with
 * and tried at least half as often as the average order (as {@code TrainingLog#bestFixedOrder}).
 */
final class BestFixed {

    private final States states;
    private final Map<Integer, double[]> stats = new HashMap<>(); // order index -> {sum, count}
    private final int minTries;

    BestFixed(States states) {
        this.states = states;
        long episodes = 0;
        for (int s = 0; s < states.count(); s++) {
            int[] a = states.actions(s);
            double[] r = states.rewards(s);
            for (int e = 0; e < a.length; e++) {
                double[] st = stats.computeIfAbsent(a[e], x -> new double[2]);
                st[0] += r[e];
                st[1] += 1;
                episodes++;
            }
        }
        this.minTries = stats.isEmpty() ? 1 : (int) Math.ceil(0.5 * episodes / stats.size());
    }

    /** The reward the query earned with the order the other queries' episodes make best. */
    double score(int query) {
        int pick = pick(query, Math.max(1, minTries));
        if (pick < 0) pick = pick(query, 1);
        double[] r = states.rewards(query);
        if (pick < 0) return java.util.Arrays.stream(r).average().orElse(0);
        return r[pick];
    }

    private int pick(int query, int least) {
        int[] a = states.actions(query);
        double[] r = states.rewards(query);
        int best = -1;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < a.length; t++) {
            double[] st = stats.get(a[t]);
            double count = st[1] - 1;
            if (count < least) continue;
            double mean = (st[0] - r[t]) / count;
            if (best < 0 || mean > bestMean || (mean == bestMean && a[t] < a[best])) {
                best = t;
                bestMean = mean;
            }
        }
        return best;
    }
}
