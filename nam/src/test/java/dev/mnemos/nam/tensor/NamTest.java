package dev.mnemos.nam.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NamTest {

    private static final float TOLERANCE = 1e-5f;
    private static final int TRIALS = 50;

    @Test
    void orthonormalKeysReadBackTheirValuesExactly() {
        Random random = new Random(1);
        for (int trial = 0; trial < TRIALS; trial++) {
            int dk = 8 + random.nextInt(57);
            int dv = 1 + random.nextInt(40);
            int n = 1 + random.nextInt(dk);
            float[][] keys = RandomVectors.orthonormal(random, n, dk);
            float[][] values = randomValues(random, n, dv);

            float[][] m = Nam.zeros(dv, dk);
            Nam.write(m, keys, values, 1f, 0f);
            NamMatrix fast = new NamMatrix(dv, dk);
            fast.write(keys, values, 1f, 0f);

            for (int i = 0; i < n; i++) {
                assertClose(values[i], Nam.read(m, keys[i], 1f));
                assertClose(values[i], fast.read(keys[i], 1f));
            }
        }
    }

    @Test
    void deltaWriteWithUnitKeyIsReadBackWhateverTheMemoryHeld() {
        Random random = new Random(2);
        for (int trial = 0; trial < TRIALS; trial++) {
            int dk = 4 + random.nextInt(61);
            int dv = 1 + random.nextInt(40);
            float[][] before = randomValues(random, dv, dk);
            float[] k = RandomVectors.unit(random, dk);
            float[] v = RandomVectors.gaussian(random, dv);

            float[][] m = copy(before);
            Nam.write(m, k, v, 1f, 1f);
            NamMatrix fast = NamMatrix.of(before);
            fast.write(k, v, 1f, 1f);

            assertClose(v, Nam.read(m, k, 1f));
            assertClose(v, fast.read(k, 1f));
        }
    }

    @Test
    void partialEraseFollowsTheFormula() {
        // WR(M, k, v, pw, pe) = M + pw v k^T - pe (M k) k^T, checked entry by entry in double
        Random random = new Random(3);
        for (int trial = 0; trial < TRIALS; trial++) {
            int dk = 4 + random.nextInt(30);
            int dv = 1 + random.nextInt(30);
            float pw = random.nextFloat();
            float pe = 0.01f + 0.98f * random.nextFloat();
            float[][] before = randomValues(random, dv, dk);
            float[] k = RandomVectors.unit(random, dk);
            float[] v = RandomVectors.gaussian(random, dv);

            float[][] m = copy(before);
            Nam.write(m, k, v, pw, pe);
            NamMatrix fast = NamMatrix.of(before);
            fast.write(k, v, pw, pe);

            for (int i = 0; i < dv; i++) {
                double mk = 0;
                for (int j = 0; j < dk; j++) {
                    mk += (double) before[i][j] * k[j];
                }
                for (int j = 0; j < dk; j++) {
                    double expected = before[i][j] + pw * v[i] * k[j] - pe * mk * k[j];
                    assertEquals(expected, m[i][j], TOLERANCE);
                    assertEquals(expected, fast.get(i, j), TOLERANCE);
                }
            }
        }
    }

    @Test
    void partialEraseKeepsOneMinusPeOfWhatTheKeyRead() {
        Random random = new Random(4);
        int dk = 32;
        int dv = 16;
        float[][] before = randomValues(random, dv, dk);
        float[] k = RandomVectors.unit(random, dk);
        float[] old = Nam.read(before, k, 1f);
        float pe = 0.25f;

        float[][] m = copy(before);
        Nam.write(m, k, new float[dv], 0f, pe);

        float[] after = Nam.read(m, k, 1f);
        for (int i = 0; i < dv; i++) {
            assertEquals((1 - pe) * old[i], after[i], TOLERANCE);
        }
    }

    @Test
    void keysAndQueriesAreNormalisedBeforeUse() {
        Random random = new Random(5);
        float[] k = RandomVectors.unit(random, 10);
        float[] longK = scale(k, 7.5f);
        float[] v = RandomVectors.gaussian(random, 3);
        NamMatrix m = new NamMatrix(3, 10);
        m.write(longK, v, 1f, 1f);
        assertClose(v, m.read(scale(k, 0.01f), 1f));
        float[] half = m.read(k, 0.5f);
        assertEquals(0.5f * v[0], half[0], TOLERANCE);
    }

    @Test
    void theFastMatrixAgreesWithTheReferenceOverManyWrites() {
        Random random = new Random(6);
        int dk = 384;
        int dv = 384;
        float[][] m = Nam.zeros(dv, dk);
        NamMatrix fast = new NamMatrix(dv, dk);
        for (int t = 0; t < 20; t++) {
            float[] k = RandomVectors.gaussian(random, dk);
            float[] v = RandomVectors.gaussian(random, dv);
            float pw = random.nextFloat();
            float pe = random.nextFloat();
            Nam.write(m, k, v, pw, pe);
            fast.write(k, v, pw, pe);
        }
        float[] q = RandomVectors.gaussian(random, dk);
        float[] expected = Nam.read(m, q, 0.9f);
        float[] actual = fast.read(q, 0.9f);
        for (int i = 0; i < dv; i++) {
            assertEquals(expected[i], actual[i], 1e-4f);
        }
    }

    @Test
    void batchedReadsEqualSingleReads() {
        Random random = new Random(7);
        float[][] keys = RandomVectors.units(random, 5, 12);
        float[][] values = randomValues(random, 5, 6);
        NamMatrix m = new NamMatrix(6, 12);
        m.write(keys, values, 1f, 1f);
        float[][] batch = m.read(keys, 1f);
        for (int t = 0; t < keys.length; t++) {
            assertClose(m.read(keys[t], 1f), batch[t]);
        }
        float[][] ref = Nam.zeros(6, 12);
        Nam.write(ref, keys, values, 1f, 1f);
        float[][] refBatch = Nam.read(ref, keys, 1f);
        for (int t = 0; t < keys.length; t++) {
            assertClose(refBatch[t], batch[t]);
        }
    }

    @Test
    void memoryUseDoesNotGrowWithWrites() {
        NamMatrix m = new NamMatrix(384, 384);
        long before = m.bytes();
        Random random = new Random(8);
        for (int t = 0; t < 100; t++) {
            m.write(RandomVectors.gaussian(random, 384), RandomVectors.gaussian(random, 384), 1f, 0f);
        }
        assertEquals(4L * 384 * 384, before);
        assertEquals(before, m.bytes());
    }

    @Test
    void badInputIsRejectedWithTheValueAtFault() {
        NamMatrix m = new NamMatrix(2, 3);
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> m.write(new float[3], new float[2], 1f, 1f));
        assertTrue(zero.getMessage().contains("length 0.0"), zero.getMessage());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> m.read(new float[4], 1f));
        assertEquals("query has 4 values, expected 3", length.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> Nam.write(Nam.zeros(2, 3), new float[] {1, 0, 0}, new float[2], 1.5f, 0f));
        assertEquals("p_w = 1.5 is not a probability in [0, 1]", p.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NamMatrix(0, 3));
    }

    static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE, "component " + i);
        }
    }

    private static float[][] randomValues(Random random, int n, int d) {
        float[][] out = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = 2 * random.nextFloat() - 1;
            }
        }
        return out;
    }

    private static float[][] copy(float[][] a) {
        float[][] out = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static float[] scale(float[] x, float s) {
        float[] out = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = s * x[j];
        }
        return out;
    }
}
