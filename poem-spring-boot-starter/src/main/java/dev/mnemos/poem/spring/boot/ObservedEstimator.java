package dev.mnemos.poem.spring.boot;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.ActionValueEstimator;

import java.util.List;
import java.util.Optional;

/** A memory whose reads are timed and whose writes are heard by the application's {@link PoemListener}s. */
final class ObservedEstimator implements ActionValueEstimator {

    private final ActionValueEstimator memory;
    private final List<PoemListener> listeners;

    ObservedEstimator(ActionValueEstimator memory, List<PoemListener> listeners) {
        this.memory = memory;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void write(float[] state, Permutation action, double reward) {
        memory.write(state, action, reward);
        for (PoemListener l : listeners) l.feedback(reward);
    }

    @Override
    public Optional<Permutation> best(float[] state) {
        long start = System.nanoTime();
        Optional<Permutation> best = memory.best(state);
        long took = System.nanoTime() - start;
        for (PoemListener l : listeners) l.read(took);
        return best;
    }

    @Override
    public boolean rewardsDiffer() {
        return memory.rewardsDiffer();
    }
}
