package dev.mnemos.nam.cell;

import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;

/**
 * How a {@link MemoryCell}'s matrix memory is updated and read, in the form the survey unifies
 * them: {@code M_t = C_t (.) M_{t-1} + U_t} (C_t elementwise, U_t possibly depending on M_{t-1}),
 * then a read {@code h_t}. A rule registers its own weights (gates, feature parameters) when it is
 * made, after the cell's projections and before its output layer.
 */
public interface Rule {

    /** What the rule carries from step to step (the memory, and what else it needs). */
    interface State {
    }

    /** What one step gives: the new state and the read {@code h_t} ({@code d_v} values). */
    record Step(State state, Tensor read) {
    }

    /** The state of a batch of {@code batch} sequences before their first step. */
    State start(int batch);

    /**
     * One step from the cell's projections of {@code z = [x_t ; h_{t-1}]}: {@code q}, {@code k}
     * (affine, {@code d_k}; the rule applies its own feature map) and {@code v} (tanh, {@code d_v}).
     * {@code t} is the step's index in the sequence.
     */
    Step step(Tape tape, Tensor z, Tensor q, Tensor k, Tensor v, State state, int t);
}
