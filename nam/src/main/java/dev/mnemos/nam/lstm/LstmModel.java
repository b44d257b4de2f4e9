package dev.mnemos.nam.lstm;

import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: one LSTM layer and an affine output layer. Gates from {@code z = [x_t ; h_{t-1}]}:
 * {@code i, f, o = sigmoid(W z + b)}, {@code g = tanh(W_g z + b_g)}, {@code c_t = f c_{t-1} + i g},
 * {@code h_t = o tanh(c_t)}, {@code logits_t = W_o h_t + b_o}; forget-gate bias starts at 1.
 */
public final class LstmModel implements SequenceModel {

    private final ModelSpec spec;
    private final Params params;
    private final Cell cell;
    private final Tensor wo;
    private final Tensor bo;

    public LstmModel(ModelSpec spec, Params params) {
        this.spec = spec;
        this.params = params;
        this.cell = new Cell(params, "", spec.inputs(), spec.hidden());
        this.wo = params.matrix("W_o", spec.outputs(), spec.hidden());
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
        Cell.State s = cell.start(batch.length);
        List<Tensor> out = new ArrayList<>(batch[0].length);
        for (int t = 0; t < batch[0].length; t++) {
            s = cell.step(tape, s, SequenceModel.step(batch, t));
            out.add(Ops.affine(tape, wo, bo, s.h()));
        }
        return out;
    }

    /** One LSTM cell, also the controller of the NAM Turing machine. */
    public static final class Cell {
        private final int hidden;
        private final Tensor wi, bi, wf, bf, wo, bo, wg, bg;

        /** Registers the cell's weights in {@code params}, their names prefixed with {@code prefix}. */
        public Cell(Params params, String prefix, int inputs, int hidden) {
            this.hidden = hidden;
            int z = inputs + hidden;
            wi = params.matrix(prefix + "W_i", hidden, z);
            bi = params.zeros(prefix + "b_i", hidden);
            wf = params.matrix(prefix + "W_f", hidden, z);
            bf = params.constant(prefix + "b_f", hidden, 1);
            wo = params.matrix(prefix + "W_o_gate", hidden, z);
            bo = params.zeros(prefix + "b_o_gate", hidden);
            wg = params.matrix(prefix + "W_g", hidden, z);
            bg = params.zeros(prefix + "b_g", hidden);
        }

        public record State(Tensor h, Tensor c) {
        }

        /** The zero state of a batch of {@code batch} sequences. */
        public State start(int batch) {
            return new State(Tensor.zeros(hidden, 1, batch), Tensor.zeros(hidden, 1, batch));
        }

        public State step(Tape tape, State s, Tensor x) {
            Tensor z = Ops.concat(tape, x, s.h());
            Tensor i = Ops.sigmoid(tape, Ops.affine(tape, wi, bi, z));
            Tensor f = Ops.sigmoid(tape, Ops.affine(tape, wf, bf, z));
            Tensor o = Ops.sigmoid(tape, Ops.affine(tape, wo, bo, z));
            Tensor g = Ops.tanh(tape, Ops.affine(tape, wg, bg, z));
            Tensor c = Ops.add(tape, Ops.mul(tape, f, s.c()), Ops.mul(tape, i, g));
            Tensor h = Ops.mul(tape, o, Ops.tanh(tape, c));
            return new State(h, c);
        }
    }
}
