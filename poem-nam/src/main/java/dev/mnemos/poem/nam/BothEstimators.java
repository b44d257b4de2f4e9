package dev.mnemos.poem.nam;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.ActionValueEstimator;
import java.util.List;
import java.util.Optional;

/** Writes every episode to several estimators, so they learn from the same model calls; reads the first. */
final class BothEstimators implements ActionValueEstimator {

    private final List<ActionValueEstimator> all;

    BothEstimators(ActionValueEstimator... all) {
        this.all = List.of(all);
    }

    @Override
    public void write(float[] state, Permutation action, double reward) {
        for (ActionValueEstimator e : all) {
            e.write(state, action, reward);
        }
    }

    @Override
    public Optional<Permutation> best(float[] state) {
        return all.get(0).best(state);
    }

    @Override
    public boolean rewardsDiffer() {
        return all.get(0).rewardsDiffer();
    }
}
