package dev.mnemos.nam.train;

import dev.mnemos.nam.grad.Adam;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.store.NamFile;
import dev.mnemos.nam.store.Payload;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A training run saved between two steps, in a {@link NamFile} of kind "checkpoint": the setup,
 * the weights, the optimiser's state and the step count. {@link #trainer()} continues the run
 * exactly where it stopped (the batches depend on the data seed and the step only).
 *
 * <pre>{@code
 * Checkpoint.of(setup, trainer).save(path);            // every few seconds
 * Trainer again = Checkpoint.load(path).trainer();    // after Ctrl-C or kill -9
 * }</pre>
 */
public final class Checkpoint {

    public static final String KIND = "checkpoint";

    private final TrainingSetup setup;
    private final Trainer trainer;

    private Checkpoint(TrainingSetup setup, Trainer trainer) {
        this.setup = setup;
        this.trainer = trainer;
    }

    /** The state of {@code trainer} (not copied: save it before the next step). */
    public static Checkpoint of(TrainingSetup setup, Trainer trainer) {
        return new Checkpoint(setup, trainer);
    }

    public TrainingSetup setup() {
        return setup;
    }

    /** The trainer, with the weights and optimiser state of the checkpoint. */
    public Trainer trainer() {
        return trainer;
    }

    public void save(Path file) throws IOException {
        Payload.Writer w = new Payload.Writer();
        w.putString(setup.task()).putInt(setup.maxLength()).putInt(setup.batchSize()).putDouble(setup.learningRate())
                .putDouble(setup.clip()).putLong(setup.dataSeed()).putLong(setup.modelSeed()).putLong(setup.totalSteps());
        ModelFile.write(w, trainer.model());
        Adam adam = trainer.optimiser();
        w.putLong(adam.steps());
        for (int p = 0; p < adam.firstMoments().length; p++) {
            w.putDoubles(adam.firstMoments()[p]).putDoubles(adam.secondMoments()[p]);
        }
        NamFile.write(file, KIND, w.bytes());
    }

    public static Checkpoint load(Path file) throws IOException {
        Payload.Reader r = new Payload.Reader(file, NamFile.read(file, KIND));
        TrainingSetup setup;
        try {
            setup = new TrainingSetup(r.getString(), r.getInt(), r.getInt(), r.getDouble(), r.getDouble(), r.getLong(),
                    r.getLong(), r.getLong());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw r.bad("bad training setup (" + e.getMessage() + ")");
        }
        SequenceModel model = ModelFile.read(r);
        long steps = r.getLong();
        int tensors = model.params().tensors().size();
        double[][] first = new double[tensors][];
        double[][] second = new double[tensors][];
        for (int p = 0; p < tensors; p++) {
            first[p] = r.getDoubles();
            second[p] = r.getDoubles();
        }
        r.end();
        Trainer trainer;
        try {
            trainer = setup.trainer(model);
            trainer.optimiser().restore(steps, first, second);
        } catch (IllegalArgumentException e) {
            throw r.bad(e.getMessage());
        }
        return new Checkpoint(setup, trainer);
    }
}
