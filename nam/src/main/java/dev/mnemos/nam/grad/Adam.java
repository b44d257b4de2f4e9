package dev.mnemos.nam.grad;

import java.util.List;

/**
 * The Adam optimiser (Kingma and Ba), with bias correction. Its state (the two moment estimates
 * per weight and the step count) can be saved and restored for checkpoints.
 *
 * <pre>{@code
 * Adam adam = Adam.builder().learningRate(1e-2).build(params);
 * params.zeroGrad(); ...; tape.backward(loss); params.clipGradNorm(1); adam.step();
 * }</pre>
 */
public final class Adam {

    private final List<Tensor> tensors;
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[][] m;
    private final double[][] v;
    private long t;

    private Adam(Builder b, Params params) {
        this.tensors = params.tensors();
        this.lr = b.lr;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.eps = b.eps;
        this.m = new double[tensors.size()][];
        this.v = new double[tensors.size()][];
        for (int i = 0; i < tensors.size(); i++) {
            m[i] = new double[tensors.get(i).size()];
            v[i] = new double[tensors.get(i).size()];
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One update of every parameter from its current gradient. */
    public void step() {
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int p = 0; p < tensors.size(); p++) {
            Tensor x = tensors.get(p);
            double[] mp = m[p];
            double[] vp = v[p];
            for (int i = 0; i < x.value.length; i++) {
                double g = x.grad[i];
                mp[i] = beta1 * mp[i] + (1 - beta1) * g;
                vp[i] = beta2 * vp[i] + (1 - beta2) * g * g;
                x.value[i] -= lr * (mp[i] / c1) / (Math.sqrt(vp[i] / c2) + eps);
            }
        }
    }

    /** Steps taken. */
    public long steps() {
        return t;
    }

    /** The first moments, one array per parameter tensor (live). */
    public double[][] firstMoments() {
        return m;
    }

    /** The second moments, one array per parameter tensor (live). */
    public double[][] secondMoments() {
        return v;
    }

    /** Restores a saved state: step count and both moments (copied in). */
    public void restore(long steps, double[][] first, double[][] second) {
        if (first.length != m.length || second.length != v.length) {
            throw new IllegalArgumentException("optimiser state for " + first.length + " tensors, expected " + m.length);
        }
        for (int p = 0; p < m.length; p++) {
            if (first[p].length != m[p].length || second[p].length != v[p].length) {
                throw new IllegalArgumentException("optimiser state of tensor " + p + " has the wrong size");
            }
            System.arraycopy(first[p], 0, m[p], 0, m[p].length);
            System.arraycopy(second[p], 0, v[p], 0, v[p].length);
        }
        this.t = steps;
    }

    public static final class Builder {
        private double lr = 1e-2;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;

        private Builder() {
        }

        public Builder learningRate(double lr) {
            if (!(lr > 0)) {
                throw new IllegalArgumentException("learning rate = " + lr + " must be positive");
            }
            this.lr = lr;
            return this;
        }

        public Adam build(Params params) {
            return new Adam(this, params);
        }
    }
}
