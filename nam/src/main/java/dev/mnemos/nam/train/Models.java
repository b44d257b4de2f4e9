package dev.mnemos.nam.train;

import dev.mnemos.nam.cell.MemoryCell;
import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Rng;
import dev.mnemos.nam.lsam.LsamModel;
import dev.mnemos.nam.lstm.LstmModel;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.namtm.NamTuringMachine;

/**
 * Builds the network a {@link ModelSpec} describes. It lives here, above the model packages, so
 * that they depend on {@code model} and never back on each other or on training.
 *
 * <pre>{@code
 * SequenceModel m = Models.build(ModelSpec.namtm(10, 9, 16, 8, 2), 1);   // weights drawn from seed 1
 * }</pre>
 */
public final class Models {

    private Models() {
    }

    /** A new network of {@code spec} with weights drawn from {@code seed}. */
    public static SequenceModel build(ModelSpec spec, long seed) {
        Params params = new Params(new Rng(seed));
        return switch (spec.kind()) {
            case LSAM -> new LsamModel(spec, params);
            case LSTM -> new LstmModel(spec, params);
            case NAMTM -> new NamTuringMachine(spec, params);
            case DELTA, MLSTM, SHM -> new MemoryCell(spec, params);
        };
    }
}
