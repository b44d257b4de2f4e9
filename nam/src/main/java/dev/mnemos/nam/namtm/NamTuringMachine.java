package dev.mnemos.nam.namtm;

import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.lstm.LstmModel;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The NAM Turing machine (paper, section 5): an LSTM controller driving heads over a tape that is
 * one NAM memory, {@code T = sum_i v_i e_i^T}, read and written with the heads' position vectors
 * as keys. The tape has one cell per step of the sequence plus one (so a longer sequence gets a
 * longer tape), cells of {@code keys} values, and wraps round.
 *
 * <p>Per step, the controller reads {@code [x_t ; r_{t-1}]} (the reads of all heads at the last
 * step) and gives {@code c_t}; then each head in turn, from {@code c_t}:
 *
 * <pre>
 *   (p_prev, p_stay, p_next, p_jump) = softmax(W_move c + b_move)
 *   jump = softmax(beta cos(q, T e_i) over cells i),  q = W_q c + b_q,  beta = softplus(w_b . c + b_b)
 *   w_t = p_prev shift(w, -1) + p_stay w + p_next shift(w, +1) + p_jump jump
 *   (p_r, p_w, p_e) = sigmoid(W_p c + b_p),  v = tanh(W_v c + b_v)
 *   T = WR(T, mu(w_t), v, p_w, p_e),   r = RD(T, mu(w_t), p_r)
 * </pre>
 *
 * and {@code logits_t = W_o [c_t ; r_1 ; ... ; r_H] + b_o}. Heads start on cell 0.
 */
public final class NamTuringMachine implements SequenceModel {

    private final ModelSpec spec;
    private final Params params;
    private final LstmModel.Cell controller;
    private final List<Head> heads = new ArrayList<>();
    private final Tensor wo;
    private final Tensor bo;

    public NamTuringMachine(ModelSpec spec, Params params) {
        this.spec = spec;
        this.params = params;
        int width = spec.keys();
        this.controller = new LstmModel.Cell(params, "ctl.", spec.inputs() + spec.heads() * width, spec.hidden());
        for (int h = 0; h < spec.heads(); h++) {
            heads.add(new Head(params, "head" + h + ".", spec.hidden(), width));
        }
        this.wo = params.matrix("W_o", spec.outputs(), spec.hidden() + spec.heads() * width);
        this.bo = params.zeros("b_o", spec.outputs());
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public List<Tensor> forward(Tape tape, double[][][] batch) {
        int steps = batch[0].length;
        int cells = steps + 1;
        Tensor t = Tensor.zeros(spec.keys(), cells, batch.length);
        LstmModel.Cell.State s = controller.start(batch.length);
        Tensor[] positions = new Tensor[heads.size()];
        Tensor[] reads = new Tensor[heads.size()];
        for (int h = 0; h < heads.size(); h++) {
            double[][] start = new double[batch.length][cells];
            for (double[] column : start) {
                column[0] = 1;
            }
            positions[h] = Tensor.columns(start);
            reads[h] = Tensor.zeros(spec.keys(), 1, batch.length);
        }
        List<Tensor> out = new ArrayList<>(steps);
        for (int step = 0; step < steps; step++) {
            Tensor[] in = new Tensor[heads.size() + 1];
            in[0] = SequenceModel.step(batch, step);
            System.arraycopy(reads, 0, in, 1, reads.length);
            s = controller.step(tape, s, Ops.concat(tape, in));
            for (int h = 0; h < heads.size(); h++) {
                Head head = heads.get(h);
                positions[h] = head.move(tape, s.h(), positions[h], t);
                Tensor key = Ops.unit(tape, positions[h]);
                Tensor probs = Ops.sigmoid(tape, Ops.affine(tape, head.wp, head.bp, s.h()));
                Tensor v = Ops.tanh(tape, Ops.affine(tape, head.wv, head.bv, s.h()));
                t = Ops.write(tape, t, key, v, Ops.slice(tape, probs, 1, 1), Ops.slice(tape, probs, 2, 1));
                reads[h] = Ops.read(tape, t, key, Ops.slice(tape, probs, 0, 1));
            }
            Tensor[] features = new Tensor[heads.size() + 1];
            features[0] = s.h();
            System.arraycopy(reads, 0, features, 1, reads.length);
            out.add(Ops.affine(tape, wo, bo, Ops.concat(tape, features)));
        }
        return out;
    }

    /** One head's weights. */
    private static final class Head {
        final Tensor wm, bm, wq, bq, wb, bb, wp, bp, wv, bv;

        Head(Params params, String prefix, int hidden, int width) {
            wm = params.matrix(prefix + "W_move", 4, hidden);
            bm = params.zeros(prefix + "b_move", 4);
            wq = params.matrix(prefix + "W_q", width, hidden);
            bq = params.zeros(prefix + "b_q", width);
            wb = params.matrix(prefix + "w_beta", 1, hidden);
            bb = params.constant(prefix + "b_beta", 1, 5);
            wp = params.matrix(prefix + "W_p", 3, hidden);
            bp = params.zeros(prefix + "b_p", 3);
            wv = params.matrix(prefix + "W_v", width, hidden);
            bv = params.zeros(prefix + "b_v", width);
        }

        /** The new position: previous / stay / next / jump, mixed by the controller's soft choice. */
        Tensor move(Tape tape, Tensor c, Tensor w, Tensor t) {
            Tensor choice = Ops.softmax(tape, Ops.affine(tape, wm, bm, c));
            Tensor query = Ops.affine(tape, wq, bq, c);
            Tensor beta = Ops.softplus(tape, Ops.affine(tape, wb, bb, c));
            Tensor jump = Ops.softmax(tape, Ops.scale(tape, Ops.columnCosines(tape, t, query), beta));
            return Ops.mix(tape, choice, List.of(Ops.shift(tape, w, -1), w, Ops.shift(tape, w, 1), jump));
        }
    }
}
