package dev.mnemos.poem.memory;

import java.util.Locale;
import java.util.Objects;

/**
 * How the episodic memory is read: the k nearest stored states, how their rewards are weighted
 * ({@link Weighting}) and how they add up into an action's value ({@link Aggregate}).
 * {@link dev.mnemos.poem.tune.ReadTuner} chooses them by cross-validation on the training episodes.
 *
 * @param k         stored states (neighbours) read per query, at least 1
 * @param weighting cosine-weighted or plain rewards
 * @param aggregate sum or mean over the neighbours that tried an action
 */
public record ReadSettings(int k, Weighting weighting, Aggregate aggregate) {

    /** The spec's read: k = 5, cosine-weighted sum. */
    public static final ReadSettings DEFAULT = new ReadSettings(5, Weighting.SIMILARITY, Aggregate.SUM);

    public ReadSettings {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(aggregate, "aggregate");
    }

    public ReadSettings withK(int newK) {
        return new ReadSettings(newK, weighting, aggregate);
    }

    public ReadSettings withWeighting(Weighting newWeighting) {
        return new ReadSettings(k, newWeighting, aggregate);
    }

    public ReadSettings withAggregate(Aggregate newAggregate) {
        return new ReadSettings(k, weighting, newAggregate);
    }

    /** For example {@code k = 30, similarity, mean}. */
    @Override
    public String toString() {
        return "k = " + k + ", " + weighting.name().toLowerCase(Locale.ROOT) + ", " + aggregate.name().toLowerCase(Locale.ROOT);
    }
}
