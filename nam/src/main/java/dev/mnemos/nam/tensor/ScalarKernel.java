package dev.mnemos.nam.tensor;

/**
 * Plain-Java loops, fused per row: a row's dot products are taken with eight independent partial
 * sums (C2 does not vectorise float reductions, but it can overlap independent additions), and
 * the row is updated right after, while it is still in the L1 cache. The update loop is a plain
 * multiply-add that C2 vectorises.
 */
final class ScalarKernel implements Kernel {

    static final ScalarKernel INSTANCE = new ScalarKernel();

    @Override
    public String name() {
        return "scalar";
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
        for (int i = 0; i < dv; i++) {
            int base = i * dk;
            float k0 = 0, k1 = 0, k2 = 0, k3 = 0;
            float q0 = 0, q1 = 0, q2 = 0, q3 = 0;
            int j = 0;
            for (; j + 3 < dk; j += 4) {
                float m0 = m[base + j];
                float m1 = m[base + j + 1];
                float m2 = m[base + j + 2];
                float m3 = m[base + j + 3];
                k0 += m0 * k[j];
                k1 += m1 * k[j + 1];
                k2 += m2 * k[j + 2];
                k3 += m3 * k[j + 3];
                q0 += m0 * q[j];
                q1 += m1 * q[j + 1];
                q2 += m2 * q[j + 2];
                q3 += m3 * q[j + 3];
            }
            for (; j < dk; j++) {
                k0 += m[base + j] * k[j];
                q0 += m[base + j] * q[j];
            }
            float c = pw * v[i] - pe * ((k0 + k1) + (k2 + k3));
            out[i] = pr * (((q0 + q1) + (q2 + q3)) + c * kq);
            axpy(c, k, m, base, dk);
        }
    }

    /** {@code y[base + j] += a x[j]} for j below n. */
    static void axpy(float a, float[] x, float[] y, int base, int n) {
        for (int j = 0; j < n; j++) {
            y[base + j] += a * x[j];
        }
    }

    /** {@code sum_j a[base + j] x[j]} for j below n, with eight partial sums. */
    static float dot(float[] a, int base, float[] x, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            int p = base + j;
            s0 += a[p] * x[j];
            s1 += a[p + 1] * x[j + 1];
            s2 += a[p + 2] * x[j + 2];
            s3 += a[p + 3] * x[j + 3];
            s4 += a[p + 4] * x[j + 4];
            s5 += a[p + 5] * x[j + 5];
            s6 += a[p + 6] * x[j + 6];
            s7 += a[p + 7] * x[j + 7];
        }
        for (; j < n; j++) {
            s0 += a[base + j] * x[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
