package dev.mnemos.nam.grad;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the operations of one forward pass so that {@link #backward} can send gradients back
 * through them (reverse-mode differentiation, backpropagation through time when the operations
 * are the steps of a recurrent network). Each operation's backward rule is written by hand in
 * {@link Ops}; the tape only replays them in reverse order. Single use, not thread-safe.
 *
 * <pre>{@code
 * Tape tape = new Tape();
 * Tensor y = Ops.tanh(tape, Ops.affine(tape, w, b, x));
 * Tensor loss = Ops.crossEntropy(tape, y, target);
 * tape.backward(loss);             // w.grads(), b.grads() now hold d loss / d w, d loss / d b
 * }</pre>
 */
public final class Tape {

    private final List<Runnable> backwards = new ArrayList<>();

    void record(Runnable backward) {
        backwards.add(backward);
    }

    /** Sets {@code d loss / d loss = 1} and runs every recorded rule in reverse order. */
    public void backward(Tensor loss) {
        if (loss.size() != 1) {
            throw new IllegalArgumentException("backward needs a scalar loss, got " + loss.size() + " values");
        }
        loss.grad[0] += 1;
        for (int i = backwards.size() - 1; i >= 0; i--) {
            backwards.get(i).run();
        }
    }

    /** How many operations were recorded. */
    public int size() {
        return backwards.size();
    }
}
