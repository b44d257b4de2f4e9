package dev.mnemos.nam.grad;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link DoubleKernel} on SIMD lanes (jdk.incubator.vector); loaded only when the module is there. */
final class VectorDoubleKernel implements DoubleKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public double dot(double[] a, int aFrom, double[] b, int n) {
        DoubleVector acc = DoubleVector.zero(S);
        int j = 0;
        for (; j + L <= n; j += L) {
            acc = DoubleVector.fromArray(S, a, aFrom + j).fma(DoubleVector.fromArray(S, b, j), acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            s += a[aFrom + j] * b[j];
        }
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, double[] y, int yFrom, int n) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        int j = 0;
        for (; j + L <= n; j += L) {
            DoubleVector.fromArray(S, x, j).fma(va, DoubleVector.fromArray(S, y, yFrom + j)).intoArray(y, yFrom + j);
        }
        for (; j < n; j++) {
            y[yFrom + j] += alpha * x[j];
        }
    }

    @Override
    public void axpyFrom(double alpha, double[] x, int xFrom, double[] y, int n) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        int j = 0;
        for (; j + L <= n; j += L) {
            DoubleVector.fromArray(S, x, xFrom + j).fma(va, DoubleVector.fromArray(S, y, j)).intoArray(y, j);
        }
        for (; j < n; j++) {
            y[j] += alpha * x[xFrom + j];
        }
    }

    @Override
    public double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
        DoubleVector acc = DoubleVector.zero(S);
        int j = 0;
        for (; j + L <= n; j += L) {
            acc = DoubleVector.fromArray(S, a, aFrom + j).fma(DoubleVector.fromArray(S, b, bFrom + j), acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            s += a[aFrom + j] * b[bFrom + j];
        }
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xFrom, double[] y, int yFrom, int n) {
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        int j = 0;
        for (; j + L <= n; j += L) {
            DoubleVector.fromArray(S, x, xFrom + j).fma(va, DoubleVector.fromArray(S, y, yFrom + j)).intoArray(y, yFrom + j);
        }
        for (; j < n; j++) {
            y[yFrom + j] += alpha * x[xFrom + j];
        }
    }

    @Override
    public String name() {
        return "vector (" + L + " lanes)";
    }
}
