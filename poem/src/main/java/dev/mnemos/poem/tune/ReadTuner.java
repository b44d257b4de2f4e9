package dev.mnemos.poem.tune;

import dev.mnemos.vectors.Vectors;
import dev.mnemos.poem.memory.ActionValues;
import dev.mnemos.poem.memory.Aggregate;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.Weighting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Chooses how the memory is read (k, weighting, sum or mean) by leave-one-query-out
 * cross-validation on the memory's own episodes: for each training query that was tried with two
 * or more orders, every candidate read picks an order from the <em>other</em> queries' episodes,
 * and scores the reward this query actually earned with that order. A read can only be scored on
 * an order the query was tried with, so each read chooses among those (with every order tried,
 * m! &lt;= T, this is no restriction). The best single fixed order is scored the same way, from the
 * other queries' mean rewards.
 *
 * <p>Only training episodes go in, so the test split is never used. One pass finds each query's
 * nearest {@code max k} other states; every k of the grid is then read off the same pass. At most
 * {@link Builder#maxQueries} queries are held out in turn (a seeded sample when there are more);
 * their neighbours are searched among all stored states.
 *
 * <pre>{@code
 * TuningReport report = ReadTuner.builder().build().tune(memory);
 * memory.read(report.chosen());
 * System.out.print(report.table());
 * }</pre>
 */
public final class ReadTuner {

    /** The k tried by default (those below the number of stored states). */
    public static final List<Integer> DEFAULT_KS = List.of(1, 2, 3, 5, 10, 20, 30, 50, 100, 200);
    private static final Weighting[] WEIGHTINGS = {Weighting.SIMILARITY, Weighting.PLAIN};
    private static final Aggregate[] AGGREGATES = {Aggregate.SUM, Aggregate.MEAN};
    private static final int BLOCK = 8;

    private final List<Integer> ks;
    private final List<Weighting> weightings;
    private final List<Aggregate> aggregates;
    private final int maxQueries;
    private final long seed;

    private ReadTuner(Builder b) {
        this.ks = List.copyOf(new TreeSet<>(b.ks));
        this.weightings = b.weightings;
        this.aggregates = b.aggregates;
        this.maxQueries = b.maxQueries;
        this.seed = b.seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Tunes on the memory's episodes; its current k is among the candidates when its read is. Does not change the memory. */
    public TuningReport tune(EpisodicMemory memory) {
        TreeSet<Integer> grid = new TreeSet<>(ks);
        if (weightings.contains(memory.weighting()) && aggregates.contains(memory.read().aggregate())) grid.add(memory.k());
        return tune(memory.episodes(), List.copyOf(grid));
    }

    /** Tunes on these episodes (one state may appear with several actions). */
    public TuningReport tune(List<Episode> episodes) {
        return tune(episodes, ks);
    }

    private TuningReport tune(List<Episode> episodes, List<Integer> grid) {
        States states = States.of(episodes);
        int[] held = heldOut(states);
        int[] kGrid = grid.stream().mapToInt(Integer::intValue).filter(k -> k < states.count()).toArray();
        if (held.length == 0 || kGrid.length == 0) {
            return new TuningReport(held.length, states.count(), episodes.size(), List.of(), Double.NaN, null);
        }
        int maxK = kGrid[kGrid.length - 1];
        double[][] sums = new double[kGrid.length][WEIGHTINGS.length * AGGREGATES.length];
        double fixedSum = 0;
        BestFixed fixed = new BestFixed(states);
        float[][] scores = new float[BLOCK][states.count()];
        for (int from = 0; from < held.length; from += BLOCK) {
            int size = Math.min(BLOCK, held.length - from);
            int[] block = Arrays.copyOfRange(held, from, from + size);
            states.similarities(block, scores);
            for (int b = 0; b < size; b++) {
                int[] near = Nearest.excluding(scores[b], states.count(), maxK, block[b]);
                new Fold(states, block[b], near).score(kGrid, sums);
                fixedSum += fixed.score(block[b]);
            }
        }
        return report(held.length, states.count(), episodes.size(), kGrid, sums, fixedSum / held.length);
    }

    private boolean allowed(Weighting w, Aggregate a) {
        return weightings.contains(w) && aggregates.contains(a);
    }

    /** The queries held out in turn: states tried with two or more orders, at most maxQueries of them. */
    private int[] heldOut(States states) {
        List<Integer> eligible = new ArrayList<>();
        for (int s = 0; s < states.count(); s++) if (states.actions(s).length >= 2) eligible.add(s);
        if (eligible.size() > maxQueries) {
            java.util.Collections.shuffle(eligible, new Random(seed));
            eligible = eligible.subList(0, maxQueries);
        }
        return eligible.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private TuningReport report(int queries, int stateCount, int episodes, int[] kGrid, double[][] sums, double fixed) {
        List<TuningReport.Candidate> candidates = new ArrayList<>();
        TuningReport.Candidate best = null;
        for (int ki = 0; ki < kGrid.length; ki++) {
            for (int w = 0; w < WEIGHTINGS.length; w++) {
                for (int a = 0; a < AGGREGATES.length; a++) {
                    if (!allowed(WEIGHTINGS[w], AGGREGATES[a])) continue;
                    ReadSettings settings = new ReadSettings(kGrid[ki], WEIGHTINGS[w], AGGREGATES[a]);
                    TuningReport.Candidate c = new TuningReport.Candidate(settings, sums[ki][w * AGGREGATES.length + a] / queries);
                    candidates.add(c);
                    if (best == null || c.score() > best.score()) best = c;
                }
            }
        }
        return new TuningReport(queries, stateCount, episodes, candidates, fixed, best.settings());
    }

    /** One held-out query: walks its neighbours nearest first and scores every read at every k of the grid. */
    private static final class Fold {
        private final int[] actions;
        private final double[] rewards;
        private final int[] near;
        private final float[] queryVector;
        private final States states;
        private final double[] weightedRaw, weightPositive, weightedPositive, rewardSum, count;
        private final int[] firstMet;

        Fold(States states, int query, int[] near) {
            this.states = states;
            this.actions = states.actions(query);
            this.rewards = states.rewards(query);
            this.near = near;
            this.queryVector = states.vector(query);
            int t = actions.length;
            weightedRaw = new double[t];
            weightPositive = new double[t];
            weightedPositive = new double[t];
            rewardSum = new double[t];
            count = new double[t];
            firstMet = new int[t];
        }

        void score(int[] kGrid, double[][] sums) {
            int met = 0;
            int gi = 0;
            for (int p = 0; p < near.length && gi < kGrid.length; p++) {
                met = add(near[p], met);
                while (gi < kGrid.length && kGrid[gi] == p + 1) {
                    for (int w = 0; w < WEIGHTINGS.length; w++) {
                        for (int a = 0; a < AGGREGATES.length; a++) sums[gi][w * AGGREGATES.length + a] += chosenReward(WEIGHTINGS[w], AGGREGATES[a]);
                    }
                    gi++;
                }
            }
        }

        private int add(int neighbour, int met) {
            double cos = Vectors.dot(queryVector, states.vector(neighbour)); // as the memory weighs it
            int[] theirs = states.actions(neighbour);
            double[] theirRewards = states.rewards(neighbour);
            for (int e = 0; e < theirs.length; e++) {
                int t = indexOf(theirs[e]);
                if (t < 0) continue;
                double r = theirRewards[e];
                if (count[t] == 0) firstMet[t] = met++;
                weightedRaw[t] += cos * r;
                weightPositive[t] += Math.max(0, cos);
                weightedPositive[t] += Math.max(0, cos) * r;
                rewardSum[t] += r;
                count[t] += 1;
            }
            return met;
        }

        private int indexOf(int action) {
            for (int t = 0; t < actions.length; t++) if (actions[t] == action) return t;
            return -1;
        }

        /** The reward the held-out query earned with the order this read picks among its own; their mean if none was met. */
        private double chosenReward(Weighting weighting, Aggregate aggregate) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < actions.length; t++) {
                if (count[t] == 0) continue;
                double v = value(weighting, aggregate, t);
                if (best < 0 || v > bestValue || (v == bestValue && firstMet[t] < firstMet[best])) {
                    best = t;
                    bestValue = v;
                }
            }
            if (best < 0) return Arrays.stream(rewards).average().orElse(0);
            return rewards[best];
        }

        private double value(Weighting weighting, Aggregate aggregate, int t) {
            if (weighting == Weighting.PLAIN) return ActionValues.value(aggregate, rewardSum[t], count[t], rewardSum[t], count[t]);
            if (aggregate == Aggregate.SUM) return weightedRaw[t];
            return ActionValues.value(aggregate, weightedPositive[t], weightPositive[t], rewardSum[t], count[t]);
        }
    }

    public static final class Builder {
        private List<Integer> ks = DEFAULT_KS;
        private List<Weighting> weightings = List.of(WEIGHTINGS);
        private List<Aggregate> aggregates = List.of(AGGREGATES);
        private int maxQueries = 1_000;
        private long seed = 1;

        private Builder() {}

        /** The k to try; default {@link #DEFAULT_KS}. Those not below the number of stored states are skipped. */
        public Builder ks(List<Integer> ks) {
            if (ks.isEmpty() || ks.stream().anyMatch(k -> k < 1)) throw new IllegalArgumentException("k to try must be at least 1: " + ks);
            this.ks = List.copyOf(ks);
            return this;
        }

        /** The weightings to try; default both. */
        public Builder weightings(List<Weighting> weightings) {
            if (weightings.isEmpty()) throw new IllegalArgumentException("no weighting to try");
            this.weightings = List.copyOf(weightings);
            return this;
        }

        /** The aggregates to try; default both. */
        public Builder aggregates(List<Aggregate> aggregates) {
            if (aggregates.isEmpty()) throw new IllegalArgumentException("no aggregate to try");
            this.aggregates = List.copyOf(aggregates);
            return this;
        }

        /** Most queries held out in turn; default 1,000 (a seeded sample of them when there are more). */
        public Builder maxQueries(int maxQueries) {
            if (maxQueries < 1) throw new IllegalArgumentException("maxQueries must be at least 1, got " + maxQueries);
            this.maxQueries = maxQueries;
            return this;
        }

        /** Seed of the sample of held-out queries. */
        public Builder seed(long seed) { this.seed = seed; return this; }

        public ReadTuner build() {
            return new ReadTuner(this);
        }
    }
}
