package dev.mnemos.poem.train;

import dev.mnemos.poem.action.Permutation;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What training has done so far: the queries finished (so an interrupted run skips them) and, per
 * action, the reward it earned over all training episodes (to find the best single fixed order).
 * Saved with the memory. Thread-safe.
 */
public final class TrainingLog {

    private final Set<String> finished = new LinkedHashSet<>();
    private final Map<Permutation, double[]> stats = new HashMap<>(); // {sum, count}
    private String model; // whose answers earned the rewards, e.g. "ollama llama3.2, chat style"; null when not recorded

    /**
     * The model (and how it was asked) whose answers earned the training rewards, e.g. {@code ollama
     * llama3.2, chat style}; empty for a log that never recorded it (a memory of an older build).
     * Rewards of two models do not belong in one memory: what one model's order bias rewards,
     * another's may not.
     */
    public synchronized java.util.Optional<String> model() {
        return java.util.Optional.ofNullable(model);
    }

    /** Records whose answers the rewards come from (see {@link #model()}). */
    public synchronized void model(String model) {
        this.model = java.util.Objects.requireNonNull(model, "model");
    }

    public synchronized boolean isFinished(String query) {
        return finished.contains(query);
    }

    /** Records a query's episodes at once: the query counts as finished only with all of them. */
    public synchronized void finish(String query, List<Permutation> actions, double[] rewards) {
        if (!finished.add(query)) return;
        for (int i = 0; i < actions.size(); i++) add(actions.get(i), rewards[i], 1);
    }

    public synchronized Set<String> finished() {
        return Set.copyOf(finished);
    }

    /** Finished queries in the order they finished. */
    public synchronized List<String> finishedInOrder() {
        return List.copyOf(finished);
    }

    /** Per action: {sum of rewards, number of episodes}. */
    public synchronized Map<Permutation, double[]> stats() {
        Map<Permutation, double[]> copy = new HashMap<>();
        stats.forEach((a, s) -> copy.put(a, s.clone()));
        return copy;
    }

    /**
     * The best single fixed order: the highest mean training reward among the orders tried at least
     * half as often as the average order (so an order tried twice and lucky twice does not win).
     */
    public synchronized Optional<Permutation> bestFixedOrder() {
        if (stats.isEmpty()) return Optional.empty();
        double episodes = 0;
        for (double[] s : stats.values()) episodes += s[1];
        return bestFixedOrder((int) Math.ceil(0.5 * episodes / stats.size()));
    }

    /** The action with the highest mean reward over training episodes, among those tried at least {@code minTries} times. */
    public synchronized Optional<Permutation> bestFixedOrder(int minTries) {
        Permutation best = null;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Permutation, double[]> e : stats.entrySet()) {
            double[] s = e.getValue();
            if (s[1] < minTries) continue;
            double mean = s[0] / s[1];
            if (best == null || mean > bestMean || (mean == bestMean && e.getKey().index() < best.index())) {
                best = e.getKey();
                bestMean = mean;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Adds a log read from a file to this one. */
    public synchronized void addAll(List<String> finishedQueries, Map<Permutation, double[]> actionStats) {
        finished.addAll(finishedQueries);
        actionStats.forEach((a, s) -> add(a, s[0], s[1]));
    }

    private void add(Permutation action, double sum, double count) {
        double[] s = stats.computeIfAbsent(action, a -> new double[2]);
        s[0] += sum;
        s[1] += count;
    }
}
