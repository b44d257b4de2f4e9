package dev.mnemos.nam.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.grad.GradientCheck;
import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Params;
import dev.mnemos.nam.grad.Rng;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.train.ModelGradients;
import dev.mnemos.nam.train.Models;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The matrix-memory cell's rules: backpropagation through time against central finite
 * differences for every weight, each rule's defining property on a hand-made step, and the weight
 * count known from the sizes.
 */
class MemoryCellTest {

    @Test
    void everyRulesGradientsMatchFiniteDifferences() {
        for (ModelKind kind : List.of(ModelKind.DELTA, ModelKind.MLSTM, ModelKind.SHM)) {
            for (long seed = 1; seed <= 2; seed++) {
                double worst = ModelGradients.check(ModelSpec.cell(kind, 3, 4, 3, 4), seed, 6);
                assertTrue(worst < GradientCheck.TOLERANCE, kind + ": worst relative error " + worst);
            }
        }
    }

    @Test
    void theWeightCountIsKnownFromTheSizes() {
        Rng rng = new Rng(3);
        for (ModelKind kind : List.of(ModelKind.LSAM, ModelKind.DELTA, ModelKind.MLSTM, ModelKind.SHM)) {
            for (int i = 0; i < 10; i++) {
                ModelSpec spec = ModelSpec.cell(kind, 1 + rng.nextInt(6), 2 + rng.nextInt(6), 1 + rng.nextInt(6), 1 + rng.nextInt(6));
                assertEquals(Models.build(spec, 1).params().count(), spec.weights(), spec.toString());
            }
        }
    }

    private static Tensor column(double... v) {
        return Tensor.vector(v);
    }

    @Test
    void theDeltaRuleReadsBackWhatItJustWroteAndTheGateMixesInLocalAttention() {
        DeltaRule rule = new DeltaRule(new Params(new Rng(1)), 2, 3, 2);
        Tape tape = new Tape();
        Tensor k = column(0.5, -0.2, 1.0);
        Tensor v = column(0.3, -0.7);
        Rule.Step step = rule.step(tape, column(0, 0), k, k, v, rule.start(1), 0);
        // memory read with q = k: v s(k).s(k) / (s(k).s(k) + eps) = v; the local window holds v only: v; so h = v
        assertArrayEquals(v.values(), step.read().values(), 1e-6);
        Rule.Step again = rule.step(tape, column(0, 0), k, k, column(-0.1, 0.4), step.state(), 1);
        // the delta rule replaces the value under k (M = v2 s(k)^T, not (v1 + v2) s(k)^T), and the normaliser has
        // summed s(k) twice, so the memory reads v2 / 2 at k; the local attention averages the two values (equal
        // scores), and the gate sigmoid(0) = 1/2 mixes the two
        double[] expected = {0.5 * -0.1 / 2 + 0.5 * (0.3 - 0.1) / 2, 0.5 * 0.4 / 2 + 0.5 * (-0.7 + 0.4) / 2};
        assertArrayEquals(expected, again.read().values(), 1e-6);
    }

    @Test
    void theMlstmRuleDecaysTheMemoryByItsForgetGate() {
        Params p = new Params(new Rng(2));
        MlstmRule rule = new MlstmRule(p, 2, 2, 2);
        java.util.Arrays.fill(p.get("w_i").values(), 0);
        java.util.Arrays.fill(p.get("w_f").values(), 0);
        java.util.Arrays.fill(p.get("W_og").values(), 0);
        p.get("b_i").values()[0] = 50;     // i = 1
        p.get("b_f").values()[0] = 0;      // f = 1/2
        java.util.Arrays.fill(p.get("b_og").values(), 50);   // o = 1
        Tape tape = new Tape();
        Tensor z = column(0, 0);
        Tensor k = column(2, 0);
        Rule.Step one = rule.step(tape, z, k, k, column(0.8, -0.4), rule.start(1), 0);
        Rule.Step two = rule.step(tape, z, k, column(0, 2), column(0, 0), one.state(), 1);
        // after step 1: M = v (k/sqrt 2)^T, n = k / sqrt 2; read at q = k: M q / max(|n.q|, 1) = v (2/sqrt2 * 2)/(2 sqrt2 ) = v
        assertArrayEquals(new double[] {0.8, -0.4}, one.read().values(), 1e-9);
        // step 2 writes with k' orthogonal to the first key and v = 0: M decays to M / 2, n to n / 2 + k'
        Rule.Step three = rule.step(tape, z, k, column(0, 2), column(0, 0), two.state(), 2);
        assertArrayEquals(new double[] {0.8 / 4 * 2 * Math.sqrt(2) / Math.max(1, Math.sqrt(2) / 2), -0.4 / 4 * 2 * Math.sqrt(2)
                / Math.max(1, Math.sqrt(2) / 2)}, three.read().values(), 1e-9);
    }

    @Test
    void shmWithoutCalibrationSumsItsUpdatesAndCalibrationScalesEachEntry() {
        Params p = new Params(new Rng(3));
        ShmRule rule = new ShmRule(p, 2, 2, 2);
        java.util.Arrays.fill(p.get("w_eta").values(), 0);
        p.get("b_eta").values()[0] = 50;   // eta = 1
        for (int i = 0; i < ShmRule.THETAS; i++) {
            java.util.Arrays.fill(p.get("theta" + i).values(), 0);   // C = 1 + tanh(0) = 1
        }
        Tape tape = new Tape();
        Tensor z = column(0.3, 0.1);
        Rule.Step one = rule.step(tape, z, column(1, 0), column(1, 0), column(0.5, 0.2), rule.start(1), 0);
        Rule.Step two = rule.step(tape, z, column(1, 0), column(0, 3), column(-0.1, 0.6), one.state(), 1);
        assertArrayEquals(new double[] {0.5, 0.2}, two.read().values(), 1e-9, "the second write went to another key");
        for (int i = 0; i < ShmRule.THETAS; i++) {
            java.util.Arrays.fill(p.get("theta" + i).values(), 100);   // tanh(100 c) = sign(c): C is 2 or 0 per column
        }
        Rule.Step three = rule.step(tape, column(0, 0), column(1, 0), column(0, 1), column(0, 0), two.state(), 2);
        double[] cc = {p.get("b_c").values()[0], p.get("b_c").values()[1]};
        double scale = cc[0] > 0 ? 2 : cc[0] < 0 ? 0 : 1;
        assertArrayEquals(new double[] {0.5 * scale, 0.2 * scale}, three.read().values(), 1e-9);
    }
}
