package dev.mnemos.nam.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The same fused loops as {@link ScalarKernel} with SIMD lanes (jdk.incubator.vector): a row's
 * dot products accumulate lane-wise and are summed once per row. Only loaded when the JVM runs
 * with {@code --add-modules jdk.incubator.vector}; see {@link Kernel#best()}.
 */
final class VectorKernel implements Kernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public String name() {
        return "vector (" + L + " lanes)";
    }

    @Override
    public void read(float[] m, int dv, int dk, float[] q, float pr, float[] out) {
        for (int i = 0; i < dv; i++) {
            out[i] = pr * dot(m, i * dk, q, dk);
        }
    }

    @Override
    public void write(float[] m, int dv, int dk, float[] k, float[] v, float pw, float pe) {
        for (int i = 0; i < dv; i++) {
            int base = i * dk;
            float c = pw * v[i] - pe * dot(m, base, k, dk);
            axpy(c, k, m, base, dk);
        }
    }

    @Override
    public void writeRead(float[] m, int dv, int dk, float[] k, float[] v, float pw, float pe, float[] q, float pr,
            float[] out) {
        float kq = dot(k, 0, q, dk);
        int bound = S.loopBound(dk);
        for (int i = 0; i < dv; i++) {
            int base = i * dk;
            FloatVector ak = FloatVector.zero(S);
            FloatVector aq = FloatVector.zero(S);
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector row = FloatVector.fromArray(S, m, base + j);
                ak = row.fma(FloatVector.fromArray(S, k, j), ak);
                aq = row.fma(FloatVector.fromArray(S, q, j), aq);
            }
            float mk = ak.reduceLanes(VectorOperators.ADD);
            float mq = aq.reduceLanes(VectorOperators.ADD);
            for (; j < dk; j++) {
                mk += m[base + j] * k[j];
                mq += m[base + j] * q[j];
            }
            float c = pw * v[i] - pe * mk;
            out[i] = pr * (mq + c * kq);
            axpy(c, k, m, base, dk);
        }
    }

    private static float dot(float[] a, int base, float[] x, int n) {
        int bound = S.loopBound(n);
        FloatVector s0 = FloatVector.zero(S);
        FloatVector s1 = FloatVector.zero(S);
        int j = 0;
        for (; j + L < bound; j += 2 * L) {
            s0 = FloatVector.fromArray(S, a, base + j).fma(FloatVector.fromArray(S, x, j), s0);
            s1 = FloatVector.fromArray(S, a, base + j + L).fma(FloatVector.fromArray(S, x, j + L), s1);
        }
        for (; j < bound; j += L) {
            s0 = FloatVector.fromArray(S, a, base + j).fma(FloatVector.fromArray(S, x, j), s0);
        }
        float sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            sum += a[base + j] * x[j];
        }
        return sum;
    }

    private static void axpy(float a, float[] x, float[] y, int base, int n) {
        int bound = S.loopBound(n);
        FloatVector va = FloatVector.broadcast(S, a);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector.fromArray(S, x, j).fma(va, FloatVector.fromArray(S, y, base + j)).intoArray(y, base + j);
        }
        for (; j < n; j++) {
            y[base + j] += a * x[j];
        }
    }
}
