package dev.mnemos.nam.train;

import dev.mnemos.nam.model.SequenceModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A training run that lasts: it steps a {@link Trainer} up to the setup's step count, saves a
 * {@link Checkpoint} every few seconds and when it stops (finished, or asked to stop between two
 * steps), and reports progress. After Ctrl-C or {@code kill -9}, {@link #resume} continues from
 * the last checkpoint; as batches depend only on the seed and the step, the loss curve goes on as
 * if nothing had happened (at most the steps since the last checkpoint are done again).
 */
public final class TrainingRun {

    /** Hears of every step. */
    public interface Listener {
        /** {@code secondsLeft} is estimated from this run's pace so far. */
        void onStep(Trainer.Step step, long totalSteps, double secondsLeft);
    }

    private final TrainingSetup setup;
    private final Trainer trainer;
    private final Path checkpoint;
    private final Duration every;

    private TrainingRun(TrainingSetup setup, Trainer trainer, Path checkpoint, Duration every) {
        this.setup = setup;
        this.trainer = trainer;
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        this.every = every;
    }

    /** A new run of {@code model} with {@code setup}, checkpointing to {@code checkpoint}. */
    public static TrainingRun start(TrainingSetup setup, SequenceModel model, Path checkpoint, Duration every) {
        return new TrainingRun(setup, setup.trainer(model), checkpoint, every);
    }

    /** The run saved in {@code checkpoint}, continuing there. */
    public static TrainingRun resume(Path checkpoint, Duration every) throws IOException {
        Checkpoint c = Checkpoint.load(checkpoint);
        return new TrainingRun(c.setup(), c.trainer(), checkpoint, every);
    }

    /** The same run with another total step count (to train a resumed run for longer). */
    public TrainingRun withTotalSteps(long totalSteps) {
        TrainingSetup s = setup;
        return new TrainingRun(new TrainingSetup(s.task(), s.maxLength(), s.batchSize(), s.learningRate(), s.clip(),
                s.dataSeed(), s.modelSeed(), totalSteps), trainer, checkpoint, every);
    }

    public TrainingSetup setup() {
        return setup;
    }

    public Trainer trainer() {
        return trainer;
    }

    /**
     * Trains until the setup's step count or until {@code stop} says so (checked between steps);
     * saves a checkpoint every {@code every} and at the end.
     *
     * @return whether all steps were done
     */
    public boolean run(Listener listener, BooleanSupplier stop) throws IOException {
        long start = System.nanoTime();
        long firstStep = trainer.steps();
        long lastSave = start;
        while (trainer.steps() < setup.totalSteps() && !stop.getAsBoolean()) {
            Trainer.Step s = trainer.step();
            long now = System.nanoTime();
            double perStep = (now - start) / 1e9 / (s.step() - firstStep);
            listener.onStep(s, setup.totalSteps(), perStep * (setup.totalSteps() - s.step()));
            if (now - lastSave >= every.toNanos()) {
                save();
                lastSave = now;
            }
        }
        save();
        return trainer.steps() >= setup.totalSteps();
    }

    /** Writes the checkpoint now. */
    public void save() throws IOException {
        Checkpoint.of(setup, trainer).save(checkpoint);
    }
}
