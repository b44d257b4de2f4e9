package dev.mnemos.poem.train;

/**
 * How a training run went.
 *
 * @param queries     training queries in all
 * @param skipped     of them, finished by an earlier run and not asked again
 * @param trained     finished in this run
 * @param modelCalls  model calls made in this run
 * @param meanReward  mean reward of this run's episodes
 */
public record TrainingResult(int queries, int skipped, int trained, long modelCalls, double meanReward) {}
