package dev.mnemos.nam.lsam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LsamCellTest {

    private static float atanh(double x) {
        return (float) (0.5 * Math.log((1 + x) / (1 - x)));
    }

    /** Input size 1, hidden size 2, key size 2; maps read z = [x, h_a, h_b]. */
    private static final LsamWeights WEIGHTS = new LsamWeights(
            new float[][] {{0, 0, 0}, {1, 0, 0}}, new float[] {1, 0},            // q = [1, x]
            new float[][] {{3, 0, 0}, {0, 0, 0}}, new float[] {0, 4},            // k = [3x, 4]
            new float[][] {{0, 1, 0}, {0, 0, 1}}, new float[] {atanh(0.5), atanh(-0.25)}, // v = tanh(h + b_v)
            new float[] {0, 1, 0}, 0f,                                           // p_r = sigmoid(h_a)
            new float[] {0, 0, 0}, (float) Math.log(3));                         // p_w = sigmoid(ln 3) = 3/4

    @Test
    void firstStepMatchesTheHandComputation() {
        // z = [1, 0, 0]: q = [1, 1], k = [3, 4] -> mu(k) = [0.6, 0.8], v = [0.5, -0.25],
        // p_r = sigmoid(0) = 0.5, p_w = 0.75
        // M_1 = 0.75 v mu(k)^T = [[0.225, 0.3], [-0.1125, -0.15]]
        // h_1 = 0.5 M_1 mu(q) = 0.5 [0.525, -0.2625] / sqrt 2
        LsamCell cell = new LsamCell(WEIGHTS);
        LsamCell.State state = cell.start();

        float[] h1 = cell.step(state, new float[] {1});

        assertEquals(0.225f, state.memory().get(0, 0), 1e-6f);
        assertEquals(0.3f, state.memory().get(0, 1), 1e-6f);
        assertEquals(-0.1125f, state.memory().get(1, 0), 1e-6f);
        assertEquals(-0.15f, state.memory().get(1, 1), 1e-6f);
        assertArrayEquals(new float[] {(float) (0.2625 / Math.sqrt(2)), (float) (-0.13125 / Math.sqrt(2))}, h1, 1e-6f);
    }

    @Test
    void secondStepReadsBackThroughTheDeltaRule() {
        double r2 = Math.sqrt(2);
        double[] h1 = {0.2625 / r2, -0.13125 / r2};
        double[][] m1 = {{0.225, 0.3}, {-0.1125, -0.15}};
        // step 2, x = 2: z = [2, h1a, h1b]
        // q = [1, 2] with |q| = sqrt 5; k = [6, 4] with |k| = sqrt 52
        double nk = Math.sqrt(52);
        double[] uk = {6 / nk, 4 / nk};
        double[] uq = {1 / Math.sqrt(5), 2 / Math.sqrt(5)};
        double[] v = {Math.tanh(h1[0] + atanh(0.5)), Math.tanh(h1[1] + atanh(-0.25))};
        double pr = 1 / (1 + Math.exp(-h1[0]));
        double pw = 0.75;
        double[][] m2 = new double[2][2];
        double[] h2 = new double[2];
        for (int i = 0; i < 2; i++) {
            double read = m1[i][0] * uk[0] + m1[i][1] * uk[1];     // (M_1 mu(k))_i
            double c = pw * (v[i] - read);                          // delta rule with p_w = p_e
            m2[i][0] = m1[i][0] + c * uk[0];
            m2[i][1] = m1[i][1] + c * uk[1];
            h2[i] = pr * (m2[i][0] * uq[0] + m2[i][1] * uq[1]);
        }

        LsamCell cell = new LsamCell(WEIGHTS);
        float[][] out = cell.forward(new float[][] {{1}, {2}});

        assertEquals(h1[0], out[0][0], 1e-6);
        assertEquals(h1[1], out[0][1], 1e-6);
        assertEquals(h2[0], out[1][0], 1e-6);
        assertEquals(h2[1], out[1][1], 1e-6);
        LsamCell.State state = cell.start();
        cell.step(state, new float[] {1});
        cell.step(state, new float[] {2});
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(m2[i][j], state.memory().get(i, j), 1e-6);
            }
        }
    }

    @Test
    void badShapesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LsamCell(WEIGHTS).forward(new float[][] {{1}, {1, 2}}));
        assertEquals("step 1: input has 2 values, expected 1", e.getMessage());
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> new LsamWeights(
                new float[][] {{0, 0}}, new float[] {1, 0}, new float[2][3], new float[2], new float[2][3],
                new float[2], new float[3], 0, new float[3], 0));
        assertEquals("W_q has 1 rows, expected 2", w.getMessage());
    }
}
