package dev.mnemos.nam.grad;

/** {@link DoubleKernel} in plain Java, four partial sums per dot product. */
final class ScalarDoubleKernel implements DoubleKernel {

    @Override
    public double dot(double[] a, int aFrom, double[] b, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[aFrom + j] * b[j];
            s1 += a[aFrom + j + 1] * b[j + 1];
            s2 += a[aFrom + j + 2] * b[j + 2];
            s3 += a[aFrom + j + 3] * b[j + 3];
        }
        for (; j < n; j++) {
            s0 += a[aFrom + j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(double alpha, double[] x, double[] y, int yFrom, int n) {
        for (int j = 0; j < n; j++) {
            y[yFrom + j] += alpha * x[j];
        }
    }

    @Override
    public void axpyFrom(double alpha, double[] x, int xFrom, double[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += alpha * x[xFrom + j];
        }
    }

    @Override
    public double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[aFrom + j] * b[bFrom + j];
            s1 += a[aFrom + j + 1] * b[bFrom + j + 1];
            s2 += a[aFrom + j + 2] * b[bFrom + j + 2];
            s3 += a[aFrom + j + 3] * b[bFrom + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[aFrom + j] * b[bFrom + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(double alpha, double[] x, int xFrom, double[] y, int yFrom, int n) {
        for (int j = 0; j < n; j++) {
            y[yFrom + j] += alpha * x[xFrom + j];
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
