package dev.mnemos.nam.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.grad.GradientCheck;
import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Rng;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.lsam.LsamCell;
import dev.mnemos.nam.lsam.LsamModel;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Backpropagation through time in LSAM, NAM-TM and the LSTM: the gradient of a sequence loss with
 * respect to every weight, against central finite differences, on random small networks and
 * random sequences of 5 steps.
 */
class ModelGradientTest {

    private static double[][] randomInputs(Rng rng, int steps, int width) {
        double[][] x = new double[steps][width];
        for (double[] row : x) {
            for (int j = 0; j < width; j++) {
                row[j] = 2 * rng.nextDouble() - 1;
            }
        }
        return x;
    }

    private static double checkModel(ModelSpec spec, long seed) {
        return ModelGradients.check(spec, seed, 5);
    }

    @Test
    void lsamGradientsMatchFiniteDifferences() {
        for (long seed = 1; seed <= 3; seed++) {
            double worst = checkModel(ModelSpec.lsam(3, 4, 3, 4), seed);
            assertTrue(worst < GradientCheck.TOLERANCE, "worst relative error " + worst);
        }
    }

    @Test
    void namTuringMachineGradientsMatchFiniteDifferences() {
        for (long seed = 1; seed <= 2; seed++) {
            double worst = checkModel(ModelSpec.namtm(3, 4, 3, 3, 2), seed);
            assertTrue(worst < GradientCheck.TOLERANCE, "worst relative error " + worst);
        }
    }

    @Test
    void lstmGradientsMatchFiniteDifferences() {
        for (long seed = 1; seed <= 3; seed++) {
            double worst = checkModel(ModelSpec.lstm(3, 4, 4), seed);
            assertTrue(worst < GradientCheck.TOLERANCE, "worst relative error " + worst);
        }
    }

    @Test
    void trainableLsamComputesWhatTheInferenceCellComputes() {
        LsamModel model = (LsamModel) Models.build(ModelSpec.lsam(3, 2, 4, 5), 7);
        LsamCell cell = new LsamCell(model.cellWeights());
        double[][] inputs = randomInputs(new Rng(8), 6, 3);
        float[][] floats = new float[6][3];
        for (int t = 0; t < 6; t++) {
            for (int j = 0; j < 3; j++) {
                floats[t][j] = (float) inputs[t][j];
            }
        }
        LsamCell.State state = cell.start();
        List<Tensor> logits = model.forward(new Tape(), inputs);
        for (int t = 0; t < 6; t++) {
            float[] h = cell.step(state, floats[t]);
            // logits = W_o h + b_o with b_o = 0 at start; compare h through W_o
            Tensor wo = model.params().get("W_o");
            double[] expected = new double[2];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 4; j++) {
                    expected[i] += wo.get(i, j) * h[j];
                }
            }
            assertArrayEquals(expected, logits.get(t).values(), 1e-5, "step " + t);
        }
        assertEquals(6, logits.size());
    }
}
