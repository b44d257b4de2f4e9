package dev.mnemos.poem.memory;

import dev.mnemos.poem.action.Permutation;

import java.util.Optional;

/**
 * What POEM learns: how much reward an order of examples earns for queries like a given one.
 *
 * <p>States are unit-length query embeddings; actions are {@link Permutation}s of ranks. Training,
 * inference and evaluation take any estimator. {@link EpisodicMemory} is the spec's k-nearest-
 * neighbour memory; another implementation (e.g. a constant-size neural memory) can be plugged in.
 * Implementations must be safe to call from several threads at once.
 */
public interface ActionValueEstimator {

    /** Records that {@code action} earned {@code reward} on the query whose embedding is {@code state}. */
    void write(float[] state, Permutation action, double reward);

    /** The action with the highest estimated reward for this state, or empty when nothing is known. */
    Optional<Permutation> best(float[] state);

    /**
     * Whether the rewards stored differ. With every reward the same (all 0, say, when no answer was
     * right) no order earned more than another, {@link #best} is an arbitrary pick, and
     * {@link dev.mnemos.poem.Poem#select} uses the default order instead. Default true: an
     * estimator that keeps no rewards to compare cannot tell.
     */
    default boolean rewardsDiffer() {
        return true;
    }
}
