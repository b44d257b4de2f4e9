package dev.mnemos.nam.cell;

import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import java.util.ArrayList;
import java.util.List;

/**
 * One matrix-memory cell with a pluggable update rule ({@link Rule}): per step, from
 * {@code z = [x_t ; h_{t-1}]},
 *
 * <pre>
 *   q = W_q z + b_q,   k = W_k z + b_k  (d_k),   v = tanh(W_v z + b_v)  (d_v)
 *   (M_t, h_t) = rule(M_{t-1}, q, k, v)            M_t = C_t (.) M_{t-1} + U_t
 *   logits_t = W_o h_t + b_o
 * </pre>
 *
 * with {@code d_v} = the spec's hidden size and {@code d_k} its key size. The rules:
 * {@link ModelKind#LSAM} (NAM's, {@link NamRule}), {@link ModelKind#DELTA} (Infini-attention's
 * delta rule with ELU + 1 and the gate to local attention), {@link ModelKind#MLSTM} (xLSTM's
 * scalar-gated matrix memory) and {@link ModelKind#SHM} (Stable Hadamard Memory).
 */
public final class MemoryCell implements SequenceModel {

    private final ModelSpec spec;
    private final Params params;
    private final Rule rule;
    private final Tensor wq, bq, wk, bk, wv, bv, wo, bo;

    public MemoryCell(ModelSpec spec, Params params) {
        this.spec = spec;
        this.params = params;
        int dv = spec.hidden();
        int dk = spec.keys();
        int z = spec.inputs() + dv;
        wq = params.matrix("W_q", dk, z);
        bq = params.zeros("b_q", dk);
        wk = params.matrix("W_k", dk, z);
        bk = params.zeros("b_k", dk);
        wv = params.matrix("W_v", dv, z);
        bv = params.zeros("b_v", dv);
        rule = switch (spec.kind()) {
            case LSAM -> new NamRule(params, z, dk, dv);
            case DELTA -> new DeltaRule(params, z, dk, dv);
            case MLSTM -> new MlstmRule(params, z, dk, dv);
            case SHM -> new ShmRule(params, z, dk, dv);
            default -> throw new IllegalArgumentException(spec.kind() + " is not a matrix-memory cell");
        };
        wo = params.matrix("W_o", spec.outputs(), dv);
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
        Rule.State state = rule.start(batch.length);
        Tensor h = Tensor.zeros(spec.hidden(), 1, batch.length);
        List<Tensor> out = new ArrayList<>(batch[0].length);
        for (int t = 0; t < batch[0].length; t++) {
            Tensor z = Ops.concat(tape, SequenceModel.step(batch, t), h);
            Tensor q = Ops.affine(tape, wq, bq, z);
            Tensor k = Ops.affine(tape, wk, bk, z);
            Tensor v = Ops.tanh(tape, Ops.affine(tape, wv, bv, z));
            Rule.Step step = rule.step(tape, z, q, k, v, state, t);
            state = step.state();
            h = step.read();
            out.add(Ops.affine(tape, wo, bo, h));
        }
        return out;
    }
}
