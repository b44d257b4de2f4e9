package dev.mnemos.nam.lsam;

import dev.mnemos.nam.tensor.NamMatrix;
import java.util.Objects;

/**
 * The LSAM cell (paper, section 5): an LSTM-like recurrent cell whose state is a NAM matrix.
 * Inference only, with given {@link LsamWeights}. Per step, from {@code z = [x_t ; h_{t-1}]}:
 *
 * <pre>
 *   q = W_q z + b_q        k = W_k z + b_k        v = tanh(W_v z + b_v)
 *   p_r = sigmoid(w_r . z + b_r)                  p_w = sigmoid(w_w . z + b_w)
 *   M_t = WR(M_{t-1}, mu(k), v, p_w, p_w)         h_t = RD(M_t, mu(q), p_r)
 * </pre>
 *
 * <p>{@code M} is {@code hiddenSize x keySize}; {@code M_0 = 0} and {@code h_0 = 0}. The squashing
 * of v by tanh (as in an LSTM's candidate) is this project's reading of the paper's cell.
 *
 * <pre>{@code
 * LsamCell cell = new LsamCell(weights);
 * float[][] outputs = cell.forward(inputs);   // one h_t per input row
 * }</pre>
 */
public final class LsamCell {

    private final LsamWeights w;

    public LsamCell(LsamWeights weights) {
        this.w = Objects.requireNonNull(weights, "weights");
    }

    /** The recurrent state: the memory matrix and the last output. */
    public static final class State {
        private final NamMatrix memory;
        private float[] output;

        State(int hidden, int key) {
            this.memory = new NamMatrix(hidden, key);
            this.output = new float[hidden];
        }

        public NamMatrix memory() {
            return memory;
        }

        public float[] output() {
            return output.clone();
        }
    }

    /** The zero state: {@code M_0 = 0}, {@code h_0 = 0}. */
    public State start() {
        return new State(w.hiddenSize(), w.keySize());
    }

    /** One step: updates {@code state} and returns {@code h_t}. */
    public float[] step(State state, float[] x) {
        if (x.length != w.inputSize()) {
            throw new IllegalArgumentException("input has " + x.length + " values, expected " + w.inputSize());
        }
        float[] z = concat(x, state.output);
        float[] q = affine(w.wq(), w.bq(), z);
        float[] k = affine(w.wk(), w.bk(), z);
        float[] v = affine(w.wv(), w.bv(), z);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.tanh(v[i]);
        }
        float pr = sigmoid(dot(w.wr(), z) + w.br());
        float pw = sigmoid(dot(w.ww(), z) + w.bw());
        float[] h = new float[w.hiddenSize()];
        state.memory.writeRead(k, v, pw, pw, q, pr, h);
        state.output = h;
        return h.clone();
    }

    /** Runs the cell over a sequence from the zero state; row t of the result is {@code h_t}. */
    public float[][] forward(float[][] inputs) {
        State state = start();
        float[][] out = new float[inputs.length][];
        for (int t = 0; t < inputs.length; t++) {
            try {
                out[t] = step(state, inputs[t]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("step " + t + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static float[] affine(float[][] m, float[] b, float[] z) {
        float[] out = new float[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = dot(m[i], z) + b[i];
        }
        return out;
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}
