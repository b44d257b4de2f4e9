package dev.mnemos.nam.cell;

import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;

/**
 * NAM's rule, LSAM's cell (and, with {@code p_e = 0}, linear attention with unit keys):
 * {@code M_t = M_{t-1} + p_w v mu(k)^T - p_w (M_{t-1} mu(k)) mu(k)^T}, read {@code h_t = p_r M_t mu(q)},
 * with {@code p_r = sigmoid(w_r . z + b_r)}, {@code p_w = sigmoid(w_w . z + b_w)}. In the unified form
 * {@code C_t = 1} and {@code U_t} carries the erase. Its weights are LSAM's: {@code w_r, b_r, w_w, b_w}.
 */
final class NamRule implements Rule {

    private final int dv;
    private final int dk;
    private final Tensor wr, br, ww, bw;

    NamRule(Params params, int z, int dk, int dv) {
        this.dv = dv;
        this.dk = dk;
        wr = params.matrix("w_r", 1, z);
        br = params.constant("b_r", 1, 1);
        ww = params.matrix("w_w", 1, z);
        bw = params.zeros("b_w", 1);
    }

    private record Memory(Tensor m) implements State {
    }

    @Override
    public State start(int batch) {
        return new Memory(Tensor.zeros(dv, dk, batch));
    }

    @Override
    public Step step(Tape tape, Tensor z, Tensor q, Tensor k, Tensor v, State state, int t) {
        Tensor pr = Ops.sigmoid(tape, Ops.affine(tape, wr, br, z));
        Tensor pw = Ops.sigmoid(tape, Ops.affine(tape, ww, bw, z));
        Tensor m = Ops.write(tape, ((Memory) state).m(), Ops.unit(tape, k), v, pw, pw);
        return new Step(new Memory(m), Ops.read(tape, m, Ops.unit(tape, q), pr));
    }
}
