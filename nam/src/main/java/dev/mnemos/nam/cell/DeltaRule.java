package dev.mnemos.nam.cell;

import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Infini-attention's compressive memory (Munkhdalai et al. 2024) with the delta rule, one step at a
 * time: with {@code s = ELU + 1},
 *
 * <pre>
 *   M_t = M_{t-1} + (v - M_{t-1} s(k) / (z_{t-1} . s(k) + eps)) s(k)^T,     z_t = z_{t-1} + s(k)
 *   A_mem = M_t s(q) / (z_t . s(q) + eps)
 *   A_loc = softmax_j(q . k_j / sqrt(d_k)) v_j   over the last 4 steps (this one included)
 *   h_t   = g A_mem + (1 - g) A_loc,            g = sigmoid(beta)
 * </pre>
 *
 * In the unified form {@code C_t = 1}, {@code U_t} the delta term. The local attention stands in
 * for Infini-attention's dot-product attention within a segment (here a window of 4 steps); the
 * gate {@code beta} (one learnt scalar, from 0) mixes the two as the paper's does.
 */
final class DeltaRule implements Rule {

    static final int WINDOW = 4;
    static final double EPS = 1e-6;

    private final int dv;
    private final int dk;
    private final Tensor beta;

    DeltaRule(Params params, int z, int dk, int dv) {
        this.dv = dv;
        this.dk = dk;
        this.beta = params.zeros("beta", 1);
    }

    private record Memory(Tensor m, Tensor norm, List<Tensor> keys, List<Tensor> values) implements State {
    }

    @Override
    public State start(int batch) {
        return new Memory(Tensor.zeros(dv, dk, batch), Tensor.zeros(dk, 1, batch), List.of(), List.of());
    }

    @Override
    public Step step(Tape tape, Tensor z, Tensor q, Tensor k, Tensor v, State state, int t) {
        Memory s = (Memory) state;
        Tensor sk = Ops.eluPlusOne(tape, k);
        Tensor sq = Ops.eluPlusOne(tape, q);
        Tensor old = Ops.scale(tape, Ops.matVec(tape, s.m(), sk), Ops.reciprocal(tape, Ops.plus(tape, Ops.dot(tape, s.norm(), sk), EPS)));
        Tensor m = Ops.add(tape, s.m(), Ops.outer(tape, Ops.add(tape, v, Ops.times(tape, old, -1)), sk));
        Tensor norm = Ops.add(tape, s.norm(), sk);
        Tensor memory = Ops.scale(tape, Ops.matVec(tape, m, sq), Ops.reciprocal(tape, Ops.plus(tape, Ops.dot(tape, norm, sq), EPS)));
        List<Tensor> keys = window(s.keys(), k);
        List<Tensor> values = window(s.values(), v);
        Tensor local = local(tape, q, keys, values);
        Tensor g = Ops.sigmoid(tape, beta);
        Tensor read = Ops.add(tape, Ops.scale(tape, memory, g), Ops.scale(tape, local, Ops.plus(tape, Ops.times(tape, g, -1), 1)));
        return new Step(new Memory(m, norm, keys, values), read);
    }

    private Tensor local(Tape tape, Tensor q, List<Tensor> keys, List<Tensor> values) {
        Tensor[] scores = new Tensor[keys.size()];
        for (int j = 0; j < keys.size(); j++) {
            scores[j] = Ops.times(tape, Ops.dot(tape, q, keys.get(j)), 1 / Math.sqrt(dk));
        }
        return Ops.mix(tape, Ops.softmax(tape, Ops.concat(tape, scores)), values);
    }

    private static List<Tensor> window(List<Tensor> before, Tensor now) {
        List<Tensor> w = new ArrayList<>(before.subList(Math.max(0, before.size() - WINDOW + 1), before.size()));
        w.add(now);
        return List.copyOf(w);
    }
}
