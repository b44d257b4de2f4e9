package dev.mnemos.nam.experiment;

import dev.mnemos.nam.task.Task;
import dev.mnemos.nam.train.ModelSpec;

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
    public static ModelSpec matching(String kind, Task task) {
        if (!kind.equals("lsam") && !kind.equals("namtm") && !kind.equals("lstm")) {
            throw new IllegalArgumentException("unknown model '" + kind + "' (expected lsam, namtm or lstm)");
        }
        ModelSpec reference = namtm(task);
        if (kind.equals("namtm")) {
            return reference;
        }
        int target = count(reference);
        ModelSpec best = null;
        for (int h = 2; h <= 256; h++) {
            ModelSpec s = kind.equals("lsam") ? ModelSpec.lsam(task.inputSize(), task.outputSize(), h, h)
                    : ModelSpec.lstm(task.inputSize(), task.outputSize(), h);
            if (best == null || Math.abs(count(s) - target) < Math.abs(count(best) - target)) {
                best = s;
            }
        }
        return best;
    }

    /** The number of weights of a model of this spec. */
    public static int count(ModelSpec spec) {
        return spec.build(0).params().count();
    }
}
