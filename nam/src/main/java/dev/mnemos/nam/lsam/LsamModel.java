package dev.mnemos.nam.lsam;

import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A trainable LSAM network: the {@link LsamCell} of the paper (same equations, in double
 * precision, recorded on a tape for backpropagation through time) and an affine output layer,
 * {@code logits_t = W_o h_t + b_o}. Per step, from {@code z = [x_t ; h_{t-1}]}:
 *
 * <pre>
 *   q = W_q z + b_q        k = W_k z + b_k        v = tanh(W_v z + b_v)
 *   p_r = sigmoid(w_r . z + b_r)                  p_w = sigmoid(w_w . z + b_w)
 *   M_t = WR(M_{t-1}, mu(k), v, p_w, p_w)         h_t = RD(M_t, mu(q), p_r)
 * </pre>
 */
public final class LsamModel implements SequenceModel {

    private final ModelSpec spec;
    private final Params params;
    private final Tensor wq, bq, wk, bk, wv, bv, wr, br, ww, bw, wo, bo;

    public LsamModel(ModelSpec spec, Params params) {
        this.spec = spec;
        this.params = params;
        int z = spec.inputs() + spec.hidden();
        wq = params.matrix("W_q", spec.keys(), z);
        bq = params.zeros("b_q", spec.keys());
        wk = params.matrix("W_k", spec.keys(), z);
        bk = params.zeros("b_k", spec.keys());
        wv = params.matrix("W_v", spec.hidden(), z);
        bv = params.zeros("b_v", spec.hidden());
        wr = params.matrix("w_r", 1, z);
        br = params.constant("b_r", 1, 1);
        ww = params.matrix("w_w", 1, z);
        bw = params.zeros("b_w", 1);
        wo = params.matrix("W_o", spec.outputs(), spec.hidden());
        bo = params.zeros("b_o", spec.outputs());
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
        Tensor m = Tensor.zeros(spec.hidden(), spec.keys(), batch.length);
        Tensor h = Tensor.zeros(spec.hidden(), 1, batch.length);
        List<Tensor> out = new ArrayList<>(batch[0].length);
        for (int t = 0; t < batch[0].length; t++) {
            Tensor z = Ops.concat(tape, SequenceModel.step(batch, t), h);
            Tensor q = Ops.unit(tape, Ops.affine(tape, wq, bq, z));
            Tensor k = Ops.unit(tape, Ops.affine(tape, wk, bk, z));
            Tensor v = Ops.tanh(tape, Ops.affine(tape, wv, bv, z));
            Tensor pr = Ops.sigmoid(tape, Ops.affine(tape, wr, br, z));
            Tensor pw = Ops.sigmoid(tape, Ops.affine(tape, ww, bw, z));
            m = Ops.write(tape, m, k, v, pw, pw);
            h = Ops.read(tape, m, q, pr);
            out.add(Ops.affine(tape, wo, bo, h));
        }
        return out;
    }

    /** The cell's weights in float, for the inference-only {@link LsamCell}. */
    public LsamWeights cellWeights() {
        return new LsamWeights(rows(wq), floats(bq), rows(wk), floats(bk), rows(wv), floats(bv),
                floats(wr), (float) br.get(0), floats(ww), (float) bw.get(0));
    }

    private static float[][] rows(Tensor t) {
        float[][] out = new float[t.rows()][t.cols()];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                out[i][j] = (float) t.get(i, j);
            }
        }
        return out;
    }

    private static float[] floats(Tensor t) {
        float[] out = new float[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) t.get(i);
        }
        return out;
    }
}
