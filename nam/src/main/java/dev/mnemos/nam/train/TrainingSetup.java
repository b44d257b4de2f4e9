package dev.mnemos.nam.train;

import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.task.Task;

/**
 * Everything that decides a training run besides the weights: the task, the largest training
 * size N, the batch size, the learning rate, the gradient clip, the seeds and the number of steps.
 * A checkpoint keeps it, so a resumed run is the same run.
 */
public record TrainingSetup(String task, int maxLength, int batchSize, double learningRate, double clip,
        long dataSeed, long modelSeed, long totalSteps) {

    public TrainingSetup {
        Task.named(task);
        if (maxLength < 1 || batchSize < 1 || !(learningRate > 0) || !(clip > 0) || totalSteps < 0) {
            throw new IllegalArgumentException("bad training setup: N = " + maxLength + ", batch " + batchSize
                    + ", learning rate " + learningRate + ", clip " + clip + ", steps " + totalSteps);
        }
    }

    /** A trainer of {@code model} with this setup, at step 0. */
    public Trainer trainer(SequenceModel model) {
        return Trainer.builder().model(model).task(Task.named(task)).maxLength(maxLength).batchSize(batchSize)
                .learningRate(learningRate).clip(clip).dataSeed(dataSeed).build();
    }
}
