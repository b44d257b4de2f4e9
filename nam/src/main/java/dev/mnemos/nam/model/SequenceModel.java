package dev.mnemos.nam.model;

import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import java.util.List;

/**
 * A recurrent network that reads one input vector per step and gives one vector of output logits
 * per step. Its forward pass is recorded on a {@link Tape}, so that the loss can be sent back
 * through every step (backpropagation through time).
 */
public interface SequenceModel {

    /** What it is and its sizes; {@link ModelSpec#build} makes the same network again. */
    ModelSpec spec();

    /** The trainable weights. */
    Params params();

    /**
     * Runs the network over a batch of sequences of one length ({@code batch[b][t]} the input of
     * sequence b at step t), each from the start state; element t is the logits of step t, a
     * tensor of batch {@code batch.length}. The sequences do not see each other: the result for
     * each is what a batch of one gives.
     */
    List<Tensor> forward(Tape tape, double[][][] batch);

    /** Runs the network over one sequence; element t is the logits of step t. */
    default List<Tensor> forward(Tape tape, double[][] inputs) {
        return forward(tape, new double[][][] {inputs});
    }

    /** The inputs of step t of every sequence of the batch, as one tensor (checked to be of one length). */
    static Tensor step(double[][][] batch, int t) {
        double[][] columns = new double[batch.length][];
        for (int b = 0; b < batch.length; b++) {
            if (batch[b].length != batch[0].length) {
                throw new IllegalArgumentException("sequence " + b + " has " + batch[b].length + " steps, sequence 0 "
                        + batch[0].length + ": a batch is of one length");
            }
            columns[b] = batch[b][t];
        }
        return Tensor.columns(columns);
    }
}
