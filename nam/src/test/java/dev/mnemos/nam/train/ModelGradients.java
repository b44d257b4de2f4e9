package dev.mnemos.nam.train;

import dev.mnemos.nam.grad.GradientCheck;
import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Rng;
import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Backpropagation through time against finite differences for a whole network: every weight drawn
 * at random (1.5 times uniform [-1, 1), so that gates and probabilities are far from their starting
 * values), a random sequence, the summed cross-entropy of its steps.
 */
public final class ModelGradients {

    private ModelGradients() {
    }

    /** The worst relative error over every weight of a network of {@code spec} (see {@link GradientCheck#check}). */
    public static double check(ModelSpec spec, long seed, int steps) {
        SequenceModel model = Models.build(spec, seed);
        Rng rng = new Rng(seed + 1);
        for (Tensor t : model.params().tensors()) {
            for (int i = 0; i < t.size(); i++) {
                t.values()[i] = 1.5 * (2 * rng.nextDouble() - 1);
            }
        }
        double[][] inputs = new double[steps][spec.inputs()];
        for (double[] row : inputs) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 2 * rng.nextDouble() - 1;
            }
        }
        int[] targets = new int[steps];
        for (int i = 0; i < steps; i++) {
            targets[i] = rng.nextInt(spec.outputs());
        }
        return GradientCheck.check(model.params().tensors(), tape -> {
            List<Tensor> logits = model.forward(tape, inputs);
            List<Tensor> losses = new ArrayList<>();
            for (int i = 0; i < logits.size(); i++) {
                losses.add(Ops.crossEntropy(tape, logits.get(i), targets[i]));
            }
            return Ops.sum(tape, losses);
        });
    }
}
