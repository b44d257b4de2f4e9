package dev.mnemos.facts.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    private static double[] random(Random rng, int n, double sparsity) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble() < sparsity ? 0 : rng.nextGaussian();
        }
        return v;
    }

    /** The least-squares solution by the normal equations, {@code (ridge I + sum w a a^T)^-1 sum w a c^T}, in plain loops. */
    private static double[] solve(double[][] a, double[][] c, double[] w, int slots, int width, double ridge) {
        double[] g = new double[slots * slots];
        double[] b = new double[slots * width];
        for (int i = 0; i < slots; i++) {
            g[i * slots + i] = ridge;
        }
        for (int n = 0; n < a.length; n++) {
            for (int i = 0; i < slots; i++) {
                for (int j = 0; j < slots; j++) {
                    g[i * slots + j] += w[n] * a[n][i] * a[n][j];
                }
                for (int k = 0; k < width; k++) {
                    b[i * width + k] += w[n] * a[n][i] * c[n][k];
                }
            }
        }
        Cholesky f = Cholesky.of(g, slots);
        double[] m = new double[slots * width];
        for (int k = 0; k < width; k++) {
            double[] col = new double[slots];
            for (int i = 0; i < slots; i++) {
                col[i] = b[i * width + k];
            }
            double[] x = f.solve(col);
            for (int i = 0; i < slots; i++) {
                m[i * width + k] = x[i];
            }
        }
        return m;
    }

    @Test
    void afterEveryUpdateTheMemoryIsTheLeastSquaresSolution() {
        Random rng = new Random(1);
        for (int trial = 0; trial < 20; trial++) {
            int slots = 2 + rng.nextInt(12);
            int width = 1 + rng.nextInt(7);
            int n = 1 + rng.nextInt(20);
            double ridge = 0.01 + rng.nextDouble();
            LeastSquares ls = new LeastSquares(slots, width, ridge);
            double[][] a = new double[n][];
            double[][] c = new double[n][];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random(rng, slots, 0.3);
                c[i] = random(rng, width, 0);
                w[i] = 0.5 + rng.nextDouble();
                assertTrue(ls.update(a[i], c[i], w[i]));
            }
            assertArrayEquals(solve(a, c, w, slots, width, ridge), ls.matrix(), 1e-8, "trial " + trial);
        }
    }

    @Test
    void removingAtMinusTheWeightLeavesWhatTheOthersAloneGive() {
        Random rng = new Random(2);
        for (int trial = 0; trial < 20; trial++) {
            int slots = 3 + rng.nextInt(10);
            int width = 1 + rng.nextInt(6);
            double ridge = 0.05 + rng.nextDouble();
            LeastSquares all = new LeastSquares(slots, width, ridge);
            LeastSquares kept = new LeastSquares(slots, width, ridge);
            for (int i = 0; i < 12; i++) {
                double[] a = random(rng, slots, 0.3);
                double[] c = random(rng, width, 0);
                double w = 1 + i * 0.1;
                all.update(a, c, w);
                if (i % 3 == 1) {
                    assertTrue(all.update(a, c, -w), "forgotten at once");
                } else if (i % 3 == 2) {
                    kept.update(a, c, w);
                } else {
                    kept.update(a, c, w);
                }
            }
            assertArrayEquals(kept.matrix(), all.matrix(), 1e-8, "trial " + trial);
            assertArrayEquals(kept.inverse(), all.inverse(), 1e-8, "trial " + trial);
        }
    }

    @Test
    void removingWhatWasNeverWrittenIsRefusedAndChangesNothing() {
        LeastSquares ls = new LeastSquares(4, 2, 1.0);
        ls.update(new double[] {1, 0, 0, 0}, new double[] {1, 2}, 1);
        double[] before = ls.matrix().clone();

        assertFalse(ls.update(new double[] {0, 3, 0, 0}, new double[] {5, 5}, -1));

        assertArrayEquals(before, ls.matrix());
    }

    @Test
    void aReadAtAWrittenAddressGivesWhatWasWrittenWhenTheRidgeIsSmall() {
        LeastSquares ls = new LeastSquares(3, 2, 1e-9);
        ls.update(new double[] {1, 0, 0}, new double[] {4, -1}, 1);
        ls.update(new double[] {0, 1, 1}, new double[] {2, 3}, 1);
        double[] out = new double[2];

        ls.read(new double[] {0, 1, 1}, out);

        assertArrayEquals(new double[] {2, 3}, out, 1e-6);
        assertEquals(8L * (9 + 6), ls.bytes());
    }

    @Test
    void thePseudoInverseAddressReconstructsAStoredPattern() {
        LeastSquares ls = new LeastSquares(6, 5, 1e-9);
        Random rng = new Random(3);
        double[][] c = new double[3][];
        for (int i = 0; i < 3; i++) {
            double[] a = new double[6];
            a[i] = 1;
            c[i] = random(rng, 5, 0);
            ls.update(a, c[i], 1);
        }
        // the first three columns are the pattern known; the read completes the other two
        double[] w = ls.pseudoInverseAddress(new double[] {c[1][0], c[1][1], c[1][2]}, 0, 1e-12);
        double[] out = new double[5];
        ls.read(w, out);

        assertArrayEquals(c[1], out, 1e-4);
    }
}
