package dev.mnemos.nam.grad;

/**
 * A matrix or vector of doubles with room for its gradient, the unit of {@link Tape}'s
 * reverse-mode differentiation; or a batch of them, one per sequence trained at once. Row-major:
 * entry {@code (i, j)} of batch element {@code b} is {@code value[b * rows * cols + i * cols + j]}
 * (each element's matrix contiguous, so the kernels run over its rows as they do for one); a
 * vector has one column. Weights have a batch of 1 and are shared by every element of a batch.
 */
public final class Tensor {

    final int rows;
    final int cols;
    final int batch;
    final double[] value;
    final double[] grad;

    Tensor(int rows, int cols, int batch, double[] value) {
        if (batch < 1 || value.length != rows * cols * batch) {
            throw new IllegalArgumentException(value.length + " values for a batch of " + batch + " " + rows + " x " + cols
                    + " tensors");
        }
        this.rows = rows;
        this.cols = cols;
        this.batch = batch;
        this.value = value;
        this.grad = new double[value.length];
    }

    Tensor(int rows, int cols, double[] value) {
        this(rows, cols, 1, value);
    }

    Tensor(int rows, int cols) {
        this(rows, cols, 1, new double[rows * cols]);
    }

    Tensor(int rows, int cols, int batch) {
        this(rows, cols, batch, new double[rows * cols * batch]);
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

    /** A batch of {@code batch} zero {@code rows x cols} matrices. */
    public static Tensor zeros(int rows, int cols, int batch) {
        return new Tensor(rows, cols, batch);
    }

    /** A batch of column vectors, element b holding {@code columns[b]} (copied); all of one length. */
    public static Tensor columns(double[]... columns) {
        int n = columns[0].length;
        double[] v = new double[n * columns.length];
        for (int b = 0; b < columns.length; b++) {
            if (columns[b].length != n) {
                throw new IllegalArgumentException("column " + b + " has " + columns[b].length + " values, expected " + n);
            }
            System.arraycopy(columns[b], 0, v, b * n, n);
        }
        return new Tensor(n, 1, columns.length, v);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** How many sequences this tensor holds a value for (1 for weights). */
    public int batch() {
        return batch;
    }

    /** Values of one batch element: {@code rows x cols}. */
    public int size() {
        return rows * cols;
    }

    /** The values themselves (live, row-major, batch element after batch element). */
    public double[] values() {
        return value;
    }

    /** The gradient accumulated by {@link Tape#backward} (live, laid out as the values). */
    public double[] grads() {
        return grad;
    }

    public double get(int i) {
        return value[i];
    }

    public double get(int i, int j) {
        return value[i * cols + j];
    }

    /** The index of the largest value (of batch element 0). */
    public int argmax() {
        return argmax(0);
    }

    /** The index of the largest value of batch element {@code b}. */
    public int argmax(int b) {
        int from = b * size();
        int best = 0;
        for (int i = 1; i < size(); i++) {
            if (value[from + i] > value[from + best]) {
                best = i;
            }
        }
        return best;
    }

    void zeroGrad() {
        java.util.Arrays.fill(grad, 0);
    }
}
