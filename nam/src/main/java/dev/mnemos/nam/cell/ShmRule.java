package dev.mnemos.nam.cell;

import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Rng;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;

/**
 * Stable Hadamard Memory (Le et al. 2024):
 *
 * <pre>
 *   M_t = M_{t-1} (.) C_t + eta v mu(k)^T,     C_t = 1 + tanh(theta_t mu(c)^T),   c = W_c z + b_c
 *   h_t = M_t mu(q),                           eta = sigmoid(w_eta . z + b_eta)
 * </pre>
 *
 * The calibration {@code C_t} erases ({@code < 1}) or strengthens ({@code > 1}) each entry; its
 * {@code theta_t} is one of {@value #THETAS} learnt vectors, picked anew at each step, so that the
 * product of the C's over time neither vanishes nor explodes (the paper's calibration). The paper
 * draws the pick at random in training; here it is a fixed pseudo-random sequence over the steps
 * (the same for every sequence), so that a model computes the same thing at every run.
 */
final class ShmRule implements Rule {

    static final int THETAS = 4;

    private final int dv;
    private final int dk;
    private final Tensor[] thetas = new Tensor[THETAS];
    private final Tensor wc, bc, we, be;

    ShmRule(Params params, int z, int dk, int dv) {
        this.dv = dv;
        this.dk = dk;
        for (int i = 0; i < THETAS; i++) {
            thetas[i] = params.matrix("theta" + i, dv, 1);
        }
        wc = params.matrix("W_c", dk, z);
        bc = params.zeros("b_c", dk);
        we = params.matrix("w_eta", 1, z);
        be = params.zeros("b_eta", 1);
    }

    /** Which theta calibrates step t: a fixed pseudo-random sequence. */
    static int pick(int t) {
        return Rng.of(0x5A11, t).nextInt(THETAS);
    }

    private record Memory(Tensor m) implements State {
    }

    @Override
    public State start(int batch) {
        return new Memory(Tensor.zeros(dv, dk, batch));
    }

    @Override
    public Step step(Tape tape, Tensor z, Tensor q, Tensor k, Tensor v, State state, int t) {
        Tensor c = Ops.unit(tape, Ops.affine(tape, wc, bc, z));
        Tensor calibration = Ops.plus(tape, Ops.tanh(tape, Ops.outer(tape, thetas[pick(t)], c)), 1);
        Tensor eta = Ops.sigmoid(tape, Ops.affine(tape, we, be, z));
        Tensor m = Ops.add(tape, Ops.mul(tape, ((Memory) state).m(), calibration),
                Ops.scale(tape, Ops.outer(tape, v, Ops.unit(tape, k)), eta));
        return new Step(new Memory(m), Ops.matVec(tape, m, Ops.unit(tape, q)));
    }
}
