package dev.mnemos.nam.grad;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named weights of a model, in a fixed order (the order of creation), with seeded
 * initialisation and helpers for training: zeroing and clipping gradients.
 *
 * <pre>{@code
 * Params p = new Params(new Rng(42));
 * Tensor w = p.matrix("W_q", 8, 12);     // Glorot-uniform
 * Tensor b = p.zeros("b_q", 8);
 * }</pre>
 */
public final class Params {

    private final Map<String, Tensor> byName = new LinkedHashMap<>();
    private final Rng rng;

    public Params(Rng rng) {
        this.rng = rng;
    }

    /** A {@code rows x cols} weight matrix, uniform in {@code +- sqrt(6 / (rows + cols))} (Glorot). */
    public Tensor matrix(String name, int rows, int cols) {
        double limit = Math.sqrt(6.0 / (rows + cols));
        Tensor t = new Tensor(rows, cols);
        for (int i = 0; i < t.value.length; i++) {
            t.value[i] = (2 * rng.nextDouble() - 1) * limit;
        }
        return add(name, t);
    }

    /** A vector of {@code n} zeros (a bias). */
    public Tensor zeros(String name, int n) {
        return add(name, new Tensor(n, 1));
    }

    /** A vector of {@code n} values all equal to {@code value} (e.g. a forget-gate bias of 1). */
    public Tensor constant(String name, int n, double value) {
        Tensor t = new Tensor(n, 1);
        java.util.Arrays.fill(t.value, value);
        return add(name, t);
    }

    private Tensor add(String name, Tensor t) {
        if (byName.putIfAbsent(name, t) != null) {
            throw new IllegalArgumentException("two parameters named " + name);
        }
        return t;
    }

    public Tensor get(String name) {
        Tensor t = byName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return t;
    }

    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(byName.keySet()));
    }

    public List<Tensor> tensors() {
        return List.copyOf(byName.values());
    }

    /** The number of weights, all tensors together. */
    public int count() {
        int n = 0;
        for (Tensor t : byName.values()) {
            n += t.size();
        }
        return n;
    }

    public void zeroGrad() {
        for (Tensor t : byName.values()) {
            t.zeroGrad();
        }
    }

    /** Multiplies every gradient by {@code c} (e.g. 1 / batch size). */
    public void scaleGrad(double c) {
        for (Tensor t : byName.values()) {
            for (int i = 0; i < t.grad.length; i++) {
                t.grad[i] *= c;
            }
        }
    }

    /**
     * Scales all gradients together so that their joint Euclidean norm is at most {@code max}.
     *
     * @return the norm before clipping
     */
    public double clipGradNorm(double max) {
        double ss = 0;
        for (Tensor t : byName.values()) {
            for (double g : t.grad) {
                ss += g * g;
            }
        }
        double norm = Math.sqrt(ss);
        if (norm > max) {
            scaleGrad(max / norm);
        }
        return norm;
    }
}
