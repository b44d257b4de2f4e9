package dev.mnemos.nam.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both kernels, the scalar fallback and the SIMD one, against the reference loops of {@link Nam}. */
class KernelTest {

    private static List<Kernel> kernels() {
        return List.of(ScalarKernel.INSTANCE, new VectorKernel());
    }

    @Test
    void theTestJvmRunsTheVectorKernel() {
        assertTrue(NamMatrix.kernel().startsWith("vector"), NamMatrix.kernel());
    }

    @Test
    void everyKernelAgreesWithTheReferenceOnOddSizes() {
        Random random = new Random(21);
        for (Kernel kernel : kernels()) {
            for (int[] size : new int[][] {{1, 1}, {3, 5}, {7, 17}, {33, 70}, {384, 384}}) {
                int dv = size[0];
                int dk = size[1];
                float[][] ref = Nam.zeros(dv, dk);
                NamMatrix fast = new NamMatrix(dv, dk, kernel);
                for (int t = 0; t < 5; t++) {
                    float[] k = RandomVectors.gaussian(random, dk);
                    float[] v = RandomVectors.gaussian(random, dv);
                    float pw = random.nextFloat();
                    float pe = random.nextFloat();
                    Nam.write(ref, k, v, pw, pe);
                    fast.write(k, v, pw, pe);
                }
                float[] q = RandomVectors.gaussian(random, dk);
                assertClose(Nam.read(ref, q, 0.7f), fast.read(q, 0.7f), kernel.name() + " " + dv + "x" + dk);
            }
        }
    }

    @Test
    void writeReadEqualsAWriteThenARead() {
        Random random = new Random(22);
        for (Kernel kernel : kernels()) {
            for (int[] size : new int[][] {{2, 3}, {19, 40}, {384, 384}}) {
                int dv = size[0];
                int dk = size[1];
                float[][] start = new float[dv][];
                for (int i = 0; i < dv; i++) {
                    start[i] = RandomVectors.gaussian(random, dk);
                }
                float[] k = RandomVectors.gaussian(random, dk);
                float[] v = RandomVectors.gaussian(random, dv);
                float[] q = RandomVectors.gaussian(random, dk);

                float[][] ref = Nam.zeros(dv, dk);
                for (int i = 0; i < dv; i++) {
                    ref[i] = start[i].clone();
                }
                Nam.write(ref, k, v, 0.6f, 0.3f);
                float[] expected = Nam.read(ref, q, 0.9f);

                NamMatrix m = NamMatrix.of(start, kernel);
                float[] out = new float[dv];
                m.writeRead(k, v, 0.6f, 0.3f, q, 0.9f, out);

                assertClose(expected, out, kernel.name() + " " + dv + "x" + dk);
                for (int i = 0; i < dv; i++) {
                    for (int j = 0; j < dk; j++) {
                        assertEquals(ref[i][j], m.get(i, j), 1e-4f);
                    }
                }
            }
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            float tolerance = 1e-4f * Math.max(1f, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tolerance, what + ", component " + i);
        }
    }
}
