package dev.mnemos.nam.tensor;

import dev.mnemos.vectors.Vectors;

/**
 * Plain-Java loops, fused per row: a row's dot products are taken with eight independent partial
 * sums ({@link Vectors#dot(float[], int, float[], int)}: C2 does not vectorise float reductions, but
 * it can overlap independent additions), and the row is updated right after, while it is still in the L1 cache. The update loop is a plain
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
            out[i] = pr * Vectors.dot(m, i * dk, q, dk);
        }
    }

    @Override
    public void write(float[] m, int dv, int dk, float[] k, float[] v, float pw, float pe) {
        for (int i = 0; i < dv; i++) {
            int base = i * dk;
            float c = pw * v[i] - pe * Vectors.dot(m, base, k, dk);
            Vectors.axpy(c, k, m, base, dk);
        }
    }

    @Override
    public void writeRead(float[] m, int dv, int dk, float[] k, float[] v, float pw, float pe, float[] q, float pr,
            float[] out) {
        float kq = Vectors.dot(k, 0, q, dk);
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
            Vectors.axpy(c, k, m, base, dk);
        }
    }
}
