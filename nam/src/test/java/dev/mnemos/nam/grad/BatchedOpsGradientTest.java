package dev.mnemos.nam.grad;

import static dev.mnemos.nam.grad.GradientCheck.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The operations on batches (several sequences in one tensor, weights shared) and the operations
 * the matrix-memory cells added, against central finite differences; and a batch computes, element
 * by element, what each element alone computes.
 */
class BatchedOpsGradientTest {

    private static Rng rng(RepetitionInfo info) {
        return new Rng(2000 + info.getCurrentRepetition());
    }

    /** A random batch of {@code batch} tensors, values in [-1, 1). */
    static Tensor random(Rng rng, int rows, int cols, int batch) {
        Tensor t = Tensor.zeros(rows, cols, batch);
        for (int i = 0; i < t.value.length; i++) {
            t.value[i] = 2 * rng.nextDouble() - 1;
        }
        return t;
    }

    /** A scalar loss from any batch: a fixed random projection of every value. */
    static Tensor project(Tape tape, Tensor y, long seed) {
        Tensor c = random(new Rng(seed), y.rows, y.cols, y.batch);
        return Ops.batchMean(tape, Ops.dot(tape, c, y));
    }

    @RepeatedTest(5)
    void sharedWeightsAndBatchedInputsMatchFiniteDifferences(RepetitionInfo info) {
        Rng r = rng(info);
        int batch = r.nextInt(2, 4);
        int in = r.nextInt(1, 4);
        int out = r.nextInt(2, 4);
        Tensor w = random(r, out, in, 1);
        Tensor b = random(r, out, 1, 1);
        Tensor x = random(r, in, 1, batch);
        Tensor s = random(r, 1, 1, batch);
        int[] targets = new int[batch];
        for (int e = 0; e < batch; e++) {
            targets[e] = r.nextInt(out);
        }
        check(List.of(w, b, x, s), t -> Ops.batchMean(t, Ops.sum(t, List.of(
                Ops.crossEntropy(t, Ops.affine(t, w, b, x), targets),
                project(t, Ops.scale(t, Ops.softmax(t, Ops.tanh(t, x)), s), 3),
                project(t, Ops.concat(t, Ops.unit(t, x), b, Ops.slice(t, Ops.shift(t, x, 1), 0, 1)), 4)))));
    }

    @RepeatedTest(5)
    void batchedNamReadAndWriteMatchFiniteDifferences(RepetitionInfo info) {
        Rng r = rng(info);
        int batch = r.nextInt(2, 4);
        Tensor m = random(r, 3, 4, batch);
        Tensor k = random(r, 4, 1, batch);
        Tensor v = random(r, 3, 1, batch);
        Tensor p = random(r, 1, 1, 1);
        Tensor q = random(r, 3, 1, batch);
        check(List.of(m, k, v, p, q), t -> {
            Tensor m1 = Ops.write(t, m, Ops.unit(t, k), v, Ops.sigmoid(t, p), p);
            Tensor read = Ops.read(t, m1, Ops.unit(t, k), p);
            Tensor cos = Ops.columnCosines(t, m1, q);
            return Ops.batchMean(t, Ops.add(t, project(t, read, 5), project(t, Ops.mix(t, Ops.softmax(t, Ops.slice(t, cos, 0, 2)),
                    List.of(read, v)), 6)));
        });
    }

    @RepeatedTest(5)
    void theCellOperationsMatchFiniteDifferences(RepetitionInfo info) {
        Rng r = rng(info);
        int batch = r.nextInt(1, 4);
        Tensor m = random(r, 3, 4, batch);
        Tensor k = random(r, 4, 1, batch);
        Tensor v = random(r, 3, 1, batch);
        Tensor theta = random(r, 3, 1, 1);
        check(List.of(m, k, v, theta), t -> {
            Tensor phi = Ops.eluPlusOne(t, Ops.times(t, k, 2));
            Tensor norm = Ops.reciprocal(t, Ops.plus(t, Ops.dot(t, phi, phi), 0.5));
            Tensor calibrated = Ops.mul(t, m, Ops.plus(t, Ops.tanh(t, Ops.outer(t, theta, k)), 1));
            Tensor updated = Ops.add(t, calibrated, Ops.scale(t, Ops.outer(t, v, phi), norm));
            Tensor h = Ops.scale(t, Ops.matVec(t, updated, phi), Ops.reciprocal(t, Ops.atLeastOne(t, Ops.times(t,
                    Ops.dot(t, k, k), 3))));
            return project(t, h, 7);
        });
    }

    @Test
    void aBatchComputesWhatEachElementAloneComputes() {
        Rng r = new Rng(5);
        Tensor w = random(r, 3, 4, 1);
        Tensor x = random(r, 4, 1, 3);
        Tensor m = random(r, 3, 4, 3);
        Tape tape = new Tape();
        Tensor batched = Ops.read(tape, Ops.write(tape, m, Ops.unit(tape, x), Ops.matVec(tape, w, x), Tensor.vector(0.7),
                Tensor.vector(0.2)), Ops.unit(tape, x), Tensor.vector(0.9));
        for (int e = 0; e < 3; e++) {
            Tensor xe = Tensor.vector(java.util.Arrays.copyOfRange(x.value, 4 * e, 4 * e + 4));
            Tensor me = Tensor.matrix(3, 4, java.util.Arrays.copyOfRange(m.value, 12 * e, 12 * e + 12));
            Tape one = new Tape();
            Tensor alone = Ops.read(one, Ops.write(one, me, Ops.unit(one, xe), Ops.matVec(one, w, xe), Tensor.vector(0.7),
                    Tensor.vector(0.2)), Ops.unit(one, xe), Tensor.vector(0.9));
            assertArrayEquals(alone.value, java.util.Arrays.copyOfRange(batched.value, 3 * e, 3 * e + 3), 0.0, "element " + e);
        }
    }
}
