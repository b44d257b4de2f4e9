package dev.mnemos.poem.memory;

import dev.mnemos.poem.action.Permutation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds up the rewards of the neighbours found for a query into Q(a) per action, under one
 * {@link ReadSettings}. Fed neighbour by neighbour, nearest first; actions keep the order in
 * which they were first met, which breaks ties. Independent of how the neighbours were found.
 */
public final class ActionValues {

    private final ReadSettings read;
    private final Map<Permutation, double[]> sums = new LinkedHashMap<>(); // {sum w*r, sum w, sum r, count}

    public ActionValues(ReadSettings read) {
        this.read = read;
    }

    /** One neighbour: its cosine similarity to the query and the first {@code count} of its actions and rewards. */
    public void neighbour(double similarity, Permutation[] actions, double[] rewards, int count) {
        double w = weight(read, similarity);
        for (int i = 0; i < count; i++) {
            double[] s = sums.computeIfAbsent(actions[i], a -> new double[4]);
            s[0] += w * rewards[i];
            s[1] += w;
            s[2] += rewards[i];
            s[3] += 1;
        }
    }

    /** Q(a) for every action met, in the order first met. */
    public Map<Permutation, Double> values() {
        Map<Permutation, Double> out = new LinkedHashMap<>();
        sums.forEach((a, s) -> out.put(a, value(read.aggregate(), s[0], s[1], s[2], s[3])));
        return out;
    }

    /** A neighbour's weight: its cosine (the sum keeps its sign, the mean counts a negative one as 0), or 1. */
    public static double weight(ReadSettings read, double similarity) {
        if (read.weighting() == Weighting.PLAIN) return 1;
        return read.aggregate() == Aggregate.SUM ? similarity : Math.max(0, similarity);
    }

    /** The value from the sums: the weighted sum, or the weighted mean (the plain mean when every weight is 0). */
    public static double value(Aggregate aggregate, double weightedSum, double weightSum, double rewardSum, double count) {
        if (aggregate == Aggregate.SUM) return weightedSum;
        return weightSum > 0 ? weightedSum / weightSum : rewardSum / count;
    }
}
