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

    /** Runs the network from its start state; element t is the logits of step t. */
    List<Tensor> forward(Tape tape, double[][] inputs);
}
