package dev.mnemos.nam.grad;

/**
 * A matrix or vector of doubles with room for its gradient, the unit of {@link Tape}'s
 * reverse-mode differentiation. Row-major: entry {@code (i, j)} is {@code value[i * cols + j]}; a
 * vector has one column.
 */
public final class Tensor {

    final int rows;
    final int cols;
    final double[] value;
    final double[] grad;

    Tensor(int rows, int cols, double[] value) {
        if (value.length != rows * cols) {
            throw new IllegalArgumentException(value.length + " values for a " + rows + " x " + cols + " tensor");
        }
        this.rows = rows;
        this.cols = cols;
        this.value = value;
        this.grad = new double[value.length];
    }

    Tensor(int rows, int cols) {
        this(rows, cols, new double[rows * cols]);
    }

    /** A column vector holding {@code values} (not copied). */
    public static Tensor vector(double... values) {
        return new Tensor(values.length, 1, values);
    }

    /** A {@code rows x cols} matrix holding {@code values} row-major (not copied). */
    public static Tensor matrix(int rows, int cols, double[] values) {
        return new Tensor(rows, cols, values);
    }

    /** A zero {@code rows x cols} matrix. */
    public static Tensor zeros(int rows, int cols) {
        return new Tensor(rows, cols);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return value.length;
    }

    /** The values themselves (live, row-major). */
    public double[] values() {
        return value;
    }

    /** The gradient accumulated by {@link Tape#backward} (live, row-major). */
    public double[] grads() {
        return grad;
    }

    public double get(int i) {
        return value[i];
    }

    public double get(int i, int j) {
        return value[i * cols + j];
    }

    /** The index of the largest value. */
    public int argmax() {
        int best = 0;
        for (int i = 1; i < value.length; i++) {
            if (value[i] > value[best]) {
                best = i;
            }
        }
        return best;
    }

    void zeroGrad() {
        java.util.Arrays.fill(grad, 0);
    }
}
