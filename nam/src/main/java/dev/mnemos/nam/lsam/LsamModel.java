package dev.mnemos.nam.lsam;

import dev.mnemos.nam.cell.MemoryCell;
import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import java.util.List;

/**
 * A trainable LSAM network: the {@link LsamCell} of the paper (same equations, in double
 * precision, recorded on a tape for backpropagation through time) and an affine output layer,
 * {@code logits_t = W_o h_t + b_o}. It is the {@link MemoryCell} with NAM's rule; per step, from
 * {@code z = [x_t ; h_{t-1}]}:
 *
 * <pre>
 *   q = W_q z + b_q        k = W_k z + b_k        v = tanh(W_v z + b_v)
 *   p_r = sigmoid(w_r . z + b_r)                  p_w = sigmoid(w_w . z + b_w)
 *   M_t = WR(M_{t-1}, mu(k), v, p_w, p_w)         h_t = RD(M_t, mu(q), p_r)
 * </pre>
 */
public final class LsamModel implements SequenceModel {

    private final MemoryCell cell;

    public LsamModel(ModelSpec spec, Params params) {
        this.cell = new MemoryCell(spec, params);
    }

    @Override
    public ModelSpec spec() {
        return cell.spec();
    }

    @Override
    public Params params() {
        return cell.params();
    }

    @Override
    public List<Tensor> forward(Tape tape, double[][][] batch) {
        return cell.forward(tape, batch);
    }

    /** The cell's weights in float, for the inference-only {@link LsamCell}. */
    public LsamWeights cellWeights() {
        Params p = cell.params();
        return new LsamWeights(rows(p.get("W_q")), floats(p.get("b_q")), rows(p.get("W_k")), floats(p.get("b_k")),
                rows(p.get("W_v")), floats(p.get("b_v")), floats(p.get("w_r")), (float) p.get("b_r").get(0),
                floats(p.get("w_w")), (float) p.get("b_w").get(0));
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
