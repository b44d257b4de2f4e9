package dev.mnemos.nam.grad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

/**
 * Compares the gradients that {@link Tape#backward} computes with central finite differences,
 * {@code (f(x + h) - f(x - h)) / 2h} with {@code h = 1e-6}, for every value of every input.
 */
public final class GradientCheck {

    /** Largest relative error accepted, elementwise: {@code |a - n| <= 1e-4 max(|a|, |n|) + 1e-9}. */
    public static final double TOLERANCE = 1e-4;
    private static final double H = 1e-6;

    private GradientCheck() {
    }

    /**
     * Checks d loss / d input for every input tensor, the loss being built by {@code loss} on a
     * fresh tape each time.
     *
     * @return the largest relative error seen
     */
    public static double check(List<Tensor> inputs, Function<Tape, Tensor> loss) {
        for (Tensor t : inputs) {
            t.zeroGrad();
        }
        Tape tape = new Tape();
        tape.backward(loss.apply(tape));
        double worst = 0;
        for (int n = 0; n < inputs.size(); n++) {
            Tensor t = inputs.get(n);
            double[] analytic = t.grad.clone();
            for (int i = 0; i < t.value.length; i++) {
                double keep = t.value[i];
                t.value[i] = keep + H;
                double plus = loss.apply(new Tape()).value[0];
                t.value[i] = keep - H;
                double minus = loss.apply(new Tape()).value[0];
                t.value[i] = keep;
                double numeric = (plus - minus) / (2 * H);
                double a = analytic[i];
                double err = Math.abs(a - numeric);
                double scale = Math.max(Math.abs(a), Math.abs(numeric));
                assertTrue(err <= TOLERANCE * scale + 1e-9, "input " + n + " value " + i + ": analytic " + a
                        + ", numeric " + numeric);
                if (scale > 1e-6) {
                    worst = Math.max(worst, err / scale);
                }
            }
        }
        return worst;
    }

    /** A random tensor, values in [-1, 1). */
    public static Tensor random(Rng rng, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * rng.nextDouble() - 1;
        }
        return Tensor.matrix(rows, cols, v);
    }

    /** {@code sum_i c_i y_i} for fixed random {@code c}: turns any tensor into a scalar loss. */
    public static Tensor project(Tape tape, Tensor y, long seed) {
        return Ops.matVec(tape, random(new Rng(seed), 1, y.size()), y);
    }
}
