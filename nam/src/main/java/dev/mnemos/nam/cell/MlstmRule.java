package dev.mnemos.nam.cell;

import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;

/**
 * xLSTM's matrix memory (mLSTM, Beck et al. 2024), scalar-gated:
 *
 * <pre>
 *   M_t = f M_{t-1} + i v k'^T,   n_t = f n_{t-1} + i k',    k' = k / sqrt(d_k)
 *   h_t = o (.) M_t q / max(|n_t . q|, 1)
 *   i = sigmoid(w_i . z + b_i),  f = sigmoid(w_f . z + b_f),  o = sigmoid(W_og z + b_og)
 * </pre>
 *
 * In the unified form {@code C_t = f} (every entry), {@code U_t = i v k'^T}. xLSTM's exponential
 * input gate and its stabiliser are left out: both gates are sigmoids (the forget bias starts at 1).
 */
final class MlstmRule implements Rule {

    private final int dv;
    private final int dk;
    private final Tensor wi, bi, wf, bf, wo, bo;

    MlstmRule(Params params, int z, int dk, int dv) {
        this.dv = dv;
        this.dk = dk;
        wi = params.matrix("w_i", 1, z);
        bi = params.zeros("b_i", 1);
        wf = params.matrix("w_f", 1, z);
        bf = params.constant("b_f", 1, 1);
        wo = params.matrix("W_og", dv, z);
        bo = params.zeros("b_og", dv);
    }

    private record Memory(Tensor m, Tensor n) implements State {
    }

    @Override
    public State start(int batch) {
        return new Memory(Tensor.zeros(dv, dk, batch), Tensor.zeros(dk, 1, batch));
    }

    @Override
    public Step step(Tape tape, Tensor z, Tensor q, Tensor k, Tensor v, State state, int t) {
        Memory s = (Memory) state;
        Tensor i = Ops.sigmoid(tape, Ops.affine(tape, wi, bi, z));
        Tensor f = Ops.sigmoid(tape, Ops.affine(tape, wf, bf, z));
        Tensor o = Ops.sigmoid(tape, Ops.affine(tape, wo, bo, z));
        Tensor scaled = Ops.times(tape, k, 1 / Math.sqrt(dk));
        Tensor m = Ops.add(tape, Ops.scale(tape, s.m(), f), Ops.scale(tape, Ops.outer(tape, v, scaled), i));
        Tensor n = Ops.add(tape, Ops.scale(tape, s.n(), f), Ops.scale(tape, scaled, i));
        Tensor read = Ops.scale(tape, Ops.matVec(tape, m, q), Ops.reciprocal(tape, Ops.atLeastOne(tape, Ops.dot(tape, n, q))));
        return new Step(new Memory(m, n), Ops.mul(tape, o, read));
    }
}
