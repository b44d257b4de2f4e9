package dev.mnemos.nam.experiment;

import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.task.Task;

/**
 * Sizes that give the three models about the same number of weights, for a fair comparison: the
 * NAM Turing machine has a fixed size (controller 16, cells of 8, 2 heads) and the LSTM's hidden
 * size, or LSAM's (with {@code d_k = d_v}), is the one whose weight count comes closest to it.
 */
public final class ModelSizes {

    static final int CONTROLLER = 16;
    static final int CELL = 8;
    static final int HEADS = 2;

    private ModelSizes() {
    }

    /** The NAM-TM of the comparison for {@code task}. */
    public static ModelSpec namtm(Task task) {
        return ModelSpec.namtm(task.inputSize(), task.outputSize(), CONTROLLER, CELL, HEADS);
    }

    /** A model of {@code kind} with about as many weights as {@link #namtm}. */
    public static ModelSpec matching(ModelKind kind, Task task) {
        ModelSpec reference = namtm(task);
        if (kind == ModelKind.NAMTM) {
            return reference;
        }
        long target = reference.weights();
        ModelSpec best = null;
        for (int h = 2; h <= 256; h++) {
            ModelSpec s = sized(kind, task, h);
            if (best == null || Math.abs(s.weights() - target) < Math.abs(best.weights() - target)) {
                best = s;
            }
        }
        return best;
    }

    /** A model of {@code kind} whose one free size is {@code h}. */
    private static ModelSpec sized(ModelKind kind, Task task, int h) {
        return switch (kind) {
            case LSAM -> ModelSpec.lsam(task.inputSize(), task.outputSize(), h, h);
            case LSTM -> ModelSpec.lstm(task.inputSize(), task.outputSize(), h);
            case NAMTM -> ModelSpec.namtm(task.inputSize(), task.outputSize(), h, CELL, HEADS);
            case DELTA, MLSTM, SHM -> ModelSpec.cell(kind, task.inputSize(), task.outputSize(), h, h);
        };
    }
}
