package dev.mnemos.nam.grad;

import static dev.mnemos.nam.grad.GradientCheck.check;
import static dev.mnemos.nam.grad.GradientCheck.project;
import static dev.mnemos.nam.grad.GradientCheck.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepetitionInfo;

/** Every backward rule of {@link Ops} against central finite differences, on random small instances. */
class OpsGradientTest {

    private static Rng rng(RepetitionInfo info) {
        return new Rng(1000 + info.getCurrentRepetition());
    }

    @RepeatedTest(10)
    void readMatchesFiniteDifferences(RepetitionInfo info) {
        Rng r = rng(info);
        int dv = r.nextInt(1, 5);
        int dk = r.nextInt(1, 5);
        Tensor m = random(r, dv, dk);
        Tensor q = random(r, dk, 1);
        Tensor pr = random(r, 1, 1);
        check(List.of(m, q, pr), t -> project(t, Ops.read(t, m, Ops.unit(t, q), pr), 7));
    }

    @RepeatedTest(10)
    void writeMatchesFiniteDifferences(RepetitionInfo info) {
        Rng r = rng(info);
        int dv = r.nextInt(1, 5);
        int dk = r.nextInt(1, 5);
        Tensor m = random(r, dv, dk);
        Tensor k = random(r, dk, 1);
        Tensor v = random(r, dv, 1);
        Tensor pw = random(r, 1, 1);
        Tensor pe = random(r, 1, 1);
        check(List.of(m, k, v, pw, pe), t -> project(t, Ops.write(t, m, Ops.unit(t, k), v, pw, pe), 8));
    }

    @RepeatedTest(5)
    void aWriteThenAReadThroughTimeMatchFiniteDifferences(RepetitionInfo info) {
        Rng r = rng(info);
        Tensor m = random(r, 3, 4);
        Tensor k1 = random(r, 4, 1);
        Tensor k2 = random(r, 4, 1);
        Tensor v = random(r, 3, 1);
        Tensor p = random(r, 1, 1);
        check(List.of(m, k1, k2, v, p), t -> {
            Tensor m1 = Ops.write(t, m, Ops.unit(t, k1), v, p, p);
            Tensor m2 = Ops.write(t, m1, Ops.unit(t, k2), Ops.tanh(t, v), p, Ops.sigmoid(t, p));
            return project(t, Ops.read(t, m2, Ops.unit(t, k1), p), 9);
        });
    }

    @RepeatedTest(5)
    void elementwiseOpsMatchFiniteDifferences(RepetitionInfo info) {
        Rng r = rng(info);
        int n = r.nextInt(1, 6);
        Tensor a = random(r, n, 1);
        Tensor b = random(r, n, 1);
        Tensor s = random(r, 1, 1);
        check(List.of(a, b, s), t -> project(t, Ops.concat(t,
                Ops.tanh(t, a), Ops.sigmoid(t, b), Ops.softplus(t, Ops.times(t, a, 3)), Ops.mul(t, a, b),
                Ops.add(t, a, b), Ops.scale(t, b, s), Ops.softmax(t, a), Ops.slice(t, b, 0, 1)), 10));
    }

    @RepeatedTest(5)
    void affineAndCrossEntropyMatchFiniteDifferences(RepetitionInfo info) {
        Rng r = rng(info);
        int in = r.nextInt(1, 5);
        int out = r.nextInt(2, 5);
        Tensor w = random(r, out, in);
        Tensor b = random(r, out, 1);
        Tensor x = random(r, in, 1);
        int target = r.nextInt(out);
        check(List.of(w, b, x), t -> Ops.crossEntropy(t, Ops.affine(t, w, b, x), target));
    }

    @RepeatedTest(5)
    void headMovesMatchFiniteDifferences(RepetitionInfo info) {
        Rng r = rng(info);
        int cells = r.nextInt(2, 6);
        Tensor w = random(r, cells, 1);
        Tensor tape = random(r, 3, cells);
        Tensor q = random(r, 3, 1);
        Tensor choice = random(r, 4, 1);
        Tensor beta = random(r, 1, 1);
        check(List.of(w, tape, q, choice, beta), t -> {
            Tensor jump = Ops.softmax(t, Ops.scale(t, Ops.columnCosines(t, tape, q), beta));
            Tensor moved = Ops.mix(t, Ops.softmax(t, choice),
                    List.of(Ops.shift(t, w, -1), w, Ops.shift(t, w, 1), jump));
            return Ops.sum(t, List.of(project(t, moved, 11), project(t, Ops.unit(t, moved), 12)));
        });
    }

    @Test
    void writeIsTheDeltaRuleAndReadGivesBackTheValue() {
        Tape t = new Tape();
        Tensor m = Tensor.matrix(2, 2, new double[] {0.3, -0.2, 0.5, 0.9});
        Tensor k = Ops.unit(t, Tensor.vector(3, 4));
        Tensor v = Tensor.vector(0.25, -1);
        Tensor one = Tensor.vector(1);
        Tensor h = Ops.read(t, Ops.write(t, m, k, v, one, one), k, one);
        assertArrayEquals(new double[] {0.25, -1}, h.values(), 1e-12);
    }

    @Test
    void shiftMovesRoundTheTape() {
        Tensor y = Ops.shift(new Tape(), Tensor.vector(1, 2, 3), 1);
        assertArrayEquals(new double[] {3, 1, 2}, y.values());
        assertEquals(0, Ops.columnCosines(new Tape(), Tensor.zeros(2, 3), Tensor.vector(1, 0)).get(1), 1e-12);
    }
}
