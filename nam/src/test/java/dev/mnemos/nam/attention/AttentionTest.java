package dev.mnemos.nam.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.tensor.Nam;
import dev.mnemos.nam.tensor.RandomVectors;
import dev.mnemos.vectors.Vectors;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttentionTest {

    @Test
    void withOrthonormalKeysNamAttentionReadsBackTheValuesExactly() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int dk = 16 + random.nextInt(49);
            int s = 1 + random.nextInt(dk);
            int dv = 1 + random.nextInt(32);
            float[][] keys = scaleRows(RandomVectors.orthonormal(random, s, dk), random);
            float[][] values = gaussianRows(random, s, dv);

            float[][] out = new NamAttention().attend(keys, keys, values);

            for (int t = 0; t < s; t++) {
                for (int i = 0; i < dv; i++) {
                    assertEquals(values[t][i], out[t][i], 1e-5f, "position " + t + ", value " + i);
                }
            }
        }
    }

    @Test
    void namAttentionIsOneSumWriteFollowedByReads() {
        Random random = new Random(12);
        float[][] q = gaussianRows(random, 30, 8);
        float[][] k = gaussianRows(random, 30, 8);
        float[][] v = gaussianRows(random, 30, 5);
        float[][] m = Nam.zeros(5, 8);
        Nam.write(m, k, v, 1f, 0f);

        float[][] out = new NamAttention().attend(q, k, v);

        for (int t = 0; t < q.length; t++) {
            float[] expected = Nam.read(m, q[t], 1f);
            for (int i = 0; i < 5; i++) {
                assertEquals(expected[i], out[t][i], 1e-4f);
            }
        }
    }

    @Test
    void writeProbabilitiesScaleEachPositionsContribution() {
        Random random = new Random(14);
        float[][] keys = RandomVectors.orthonormal(random, 6, 16);
        float[][] values = gaussianRows(random, 6, 4);
        float[] pw = {1f, 0f, 0.5f, 0.25f, 1f, 0f};

        float[][] out = new NamAttention().attend(keys, keys, values, pw);

        for (int t = 0; t < 6; t++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(pw[t] * values[t][i], out[t][i], 1e-5f);
            }
        }
    }

    @Test
    void causalAttentionSeesOnlyEarlierPositions() {
        Random random = new Random(15);
        float[][] q = gaussianRows(random, 9, 8);
        float[][] k = gaussianRows(random, 9, 8);
        float[][] v = gaussianRows(random, 9, 3);
        float[] pw = new float[9];
        for (int t = 0; t < 9; t++) {
            pw[t] = random.nextFloat();
        }

        float[][] out = new NamAttention().causal(q, k, v, pw);

        for (int t = 0; t < 9; t++) {
            float[][] m = Nam.zeros(3, 8);
            for (int u = 0; u <= t; u++) {
                Nam.write(m, k[u], v[u], pw[u], 0f);
            }
            float[] expected = Nam.read(m, q[t], 1f);
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[i], out[t][i], 1e-4f, "position " + t);
            }
        }
        float[][] full = new NamAttention().attend(q, k, v, pw);
        for (int i = 0; i < 3; i++) {
            assertEquals(full[8][i], out[8][i], 1e-4f, "the last position sees everything");
        }
    }

    @Test
    void softmaxAttentionMatchesTheTextbookFormula() {
        float[][] q = {{1, 0}, {0, 2}};
        float[][] k = {{1, 0}, {0, 1}, {1, 1}};
        float[][] v = {{1, 2}, {3, 4}, {5, 6}};

        float[][] out = new SoftmaxAttention().attend(q, k, v);

        double r = Math.sqrt(2);
        for (int t = 0; t < q.length; t++) {
            double[] w = new double[3];
            double sum = 0;
            for (int u = 0; u < 3; u++) {
                w[u] = Math.exp((q[t][0] * k[u][0] + q[t][1] * k[u][1]) / r);
                sum += w[u];
            }
            for (int i = 0; i < 2; i++) {
                double expected = (w[0] * v[0][i] + w[1] * v[1][i] + w[2] * v[2][i]) / sum;
                assertEquals(expected, out[t][i], 1e-5);
            }
        }
    }

    @Test
    void softmaxWithSharpOrthogonalKeysAlsoPicksTheMatchingValue() {
        // a sanity check that both operators agree where both should be near exact
        Random random = new Random(13);
        float[][] keys = RandomVectors.orthonormal(random, 8, 8);
        float[][] sharp = new float[8][8];
        for (int t = 0; t < 8; t++) {
            for (int j = 0; j < 8; j++) {
                sharp[t][j] = 100 * keys[t][j];
            }
        }
        float[][] values = gaussianRows(random, 8, 3);
        float[][] soft = new SoftmaxAttention().attend(sharp, keys, values);
        float[][] nam = new NamAttention().attend(keys, keys, values);
        for (int t = 0; t < 8; t++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(soft[t][i], nam[t][i], 1e-4f);
            }
        }
    }

    @Test
    void mismatchedShapesAreRejected() {
        float[][] two = {{1, 0}, {0, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NamAttention().attend(new float[][] {{1, 0, 0}}, two, two));
        assertEquals("query 0 has 3 values, expected 2", e.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new NamAttention().attend(two, new float[][] {{1, 0}, {0, 0}}, two));
        assertTrue(zero.getMessage().startsWith("key 1: "), zero.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> new NamAttention().attend(two, two, two, new float[] {1f, 2f}));
        assertEquals("write probability 1 = 2.0 is not a probability in [0, 1]", p.getMessage());
    }

    private static float[][] gaussianRows(Random random, int n, int d) {
        float[][] out = new float[n][];
        for (int t = 0; t < n; t++) {
            out[t] = RandomVectors.gaussian(random, d);
        }
        return out;
    }

    /** Orthogonal rows of random lengths: the operator must normalise them itself. */
    private static float[][] scaleRows(float[][] rows, Random random) {
        float[][] out = new float[rows.length][];
        for (int t = 0; t < rows.length; t++) {
            float s = 0.1f + 5 * random.nextFloat();
            out[t] = new float[rows[t].length];
            for (int j = 0; j < rows[t].length; j++) {
                out[t][j] = s * rows[t][j];
            }
        }
        assertEquals(1f, Vectors.norm(Vectors.unit(out[0])), 1e-6f);
        return out;
    }
}
