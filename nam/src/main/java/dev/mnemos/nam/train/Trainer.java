package dev.mnemos.nam.train;

import dev.mnemos.nam.grad.Adam;
import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.grad.Rng;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.task.Example;
import dev.mnemos.nam.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Trains a {@link SequenceModel} on a {@link Task}: each step draws a batch of problems of sizes
 * 1..N, runs the model over them, and takes one Adam step on the mean cross-entropy of the answer
 * steps, after clipping the gradient's norm. The batch of step i depends only on the data seed
 * and i, so a run resumed from a checkpoint (weights, optimiser state, step count) draws the same
 * batches and continues the same loss curve.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder().model(ModelSpec.lsam(10, 8, 32, 16).build(1))
 *         .task(new Reverse()).maxLength(4).build();
 * for (int i = 0; i < 1000; i++) { Trainer.Step s = trainer.step(); }
 * }</pre>
 */
public final class Trainer {

    private final SequenceModel model;
    private final Task task;
    private final int minLength;
    private final int maxLength;
    private final int batchSize;
    private final double clip;
    private final long dataSeed;
    private final boolean batched;
    private final Adam adam;

    /** What one step did: its index (from 1), the batch's mean loss and sequence accuracy before the update. */
    public record Step(long step, double loss, double accuracy) {
    }

    private Trainer(Builder b) {
        this.model = Objects.requireNonNull(b.model, "model");
        this.task = Objects.requireNonNull(b.task, "task");
        if (b.minLength < 1 || b.maxLength < b.minLength) {
            throw new IllegalArgumentException("lengths " + b.minLength + ".." + b.maxLength + " are not a range of positive sizes");
        }
        if (task.inputSize() != model.spec().inputs() || task.outputSize() != model.spec().outputs()) {
            throw new IllegalArgumentException("task " + task.name() + " has " + task.inputSize() + " inputs and "
                    + task.outputSize() + " outputs, the model " + model.spec().inputs() + " and " + model.spec().outputs());
        }
        this.minLength = b.minLength;
        this.maxLength = b.maxLength;
        this.batchSize = b.batchSize;
        this.clip = b.clip;
        this.dataSeed = b.dataSeed;
        this.batched = b.batched;
        this.adam = Adam.builder().learningRate(b.learningRate).build(model.params());
    }

    public static Builder builder() {
        return new Builder();
    }

    public SequenceModel model() {
        return model;
    }

    public Adam optimiser() {
        return adam;
    }

    /** Steps taken so far. */
    public long steps() {
        return adam.steps();
    }

    /** One training step on the next batch. */
    public Step step() {
        long index = adam.steps();
        Rng rng = Rng.of(dataSeed, index);
        model.params().zeroGrad();
        Step s = batched ? batchedStep(index, rng) : sequenceStep(index, rng);
        model.params().clipGradNorm(clip);
        adam.step();
        return s;
    }

    /** The batch one sequence after the other, each of its own size. */
    private Step sequenceStep(long index, Rng rng) {
        double loss = 0;
        int right = 0;
        for (int b = 0; b < batchSize; b++) {
            Example e = task.generate(rng, rng.nextInt(minLength, maxLength));
            Tape tape = new Tape();
            List<Tensor> logits = model.forward(tape, e.inputs());
            Tensor l = sequenceLoss(tape, logits, e.targets());
            tape.backward(l);
            loss += l.get(0);
            right += allRight(logits, e.targets()) ? 1 : 0;
        }
        model.params().scaleGrad(1.0 / batchSize);
        return new Step(index + 1, loss / batchSize, (double) right / batchSize);
    }

    /** The batch as one: one problem size for all its sequences, one forward and backward pass. */
    private Step batchedStep(long index, Rng rng) {
        int n = rng.nextInt(minLength, maxLength);
        Example[] examples = new Example[batchSize];
        double[][][] inputs = new double[batchSize][][];
        for (int b = 0; b < batchSize; b++) {
            examples[b] = task.generate(rng, n);
            inputs[b] = examples[b].inputs();
        }
        Tape tape = new Tape();
        List<Tensor> logits = model.forward(tape, inputs);
        Tensor loss = Ops.batchMean(tape, batchLoss(tape, logits, examples));
        tape.backward(loss);
        int right = 0;
        for (int b = 0; b < batchSize; b++) {
            right += allRight(logits, examples[b].targets(), b) ? 1 : 0;
        }
        return new Step(index + 1, loss.get(0), (double) right / batchSize);
    }

    /** Each sequence's mean cross-entropy over its answer steps (the same steps for problems of one size). */
    static Tensor batchLoss(Tape tape, List<Tensor> logits, Example[] examples) {
        List<Tensor> losses = new ArrayList<>();
        for (int t = 0; t < examples[0].steps(); t++) {
            int[] targets = new int[examples.length];
            for (int b = 0; b < examples.length; b++) {
                targets[b] = examples[b].targets()[t];
                if ((targets[b] == Example.NONE) != (targets[0] == Example.NONE)) {
                    throw new IllegalArgumentException("the sequences of a batch ask for answers at different steps");
                }
            }
            if (targets[0] != Example.NONE) {
                losses.add(Ops.crossEntropy(tape, logits.get(t), targets));
            }
        }
        return Ops.times(tape, Ops.sum(tape, losses), 1.0 / losses.size());
    }

    /** The mean cross-entropy over the steps that ask for an answer. */
    static Tensor sequenceLoss(Tape tape, List<Tensor> logits, int[] targets) {
        List<Tensor> losses = new ArrayList<>();
        for (int t = 0; t < targets.length; t++) {
            if (targets[t] != Example.NONE) {
                losses.add(Ops.crossEntropy(tape, logits.get(t), targets[t]));
            }
        }
        return Ops.times(tape, Ops.sum(tape, losses), 1.0 / losses.size());
    }

    static boolean allRight(List<Tensor> logits, int[] targets) {
        return allRight(logits, targets, 0);
    }

    /** Whether batch element {@code b} answered every answer step right. */
    static boolean allRight(List<Tensor> logits, int[] targets, int b) {
        for (int t = 0; t < targets.length; t++) {
            if (targets[t] != Example.NONE && logits.get(t).argmax(b) != targets[t]) {
                return false;
            }
        }
        return true;
    }

    public static final class Builder {
        private SequenceModel model;
        private Task task;
        private int minLength = 1;
        private int maxLength = 4;
        private int batchSize = 16;
        private double learningRate = 1e-2;
        private double clip = 1.0;
        private long dataSeed = 1;
        private boolean batched;

        private Builder() {
        }

        /**
         * Batched steps: each step draws one problem size for all its sequences and runs them as one
         * batch (one tape, every operation over all of them at once), instead of drawing a size per
         * sequence and running them one after the other. Faster; the sizes a run sees are the same
         * in distribution, not the same draws. Default off.
         */
        public Builder batched(boolean on) {
            this.batched = on;
            return this;
        }

        public Builder model(SequenceModel model) {
            this.model = model;
            return this;
        }

        public Builder task(Task task) {
            this.task = task;
            return this;
        }

        /** Problems of sizes 1..n (the N of "train on lengths up to N"); default 4. */
        public Builder maxLength(int n) {
            this.maxLength = n;
            return this;
        }

        /** The smallest problem size drawn; default 1. */
        public Builder minLength(int n) {
            this.minLength = n;
            return this;
        }

        public Builder batchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batch size = " + n + " must be positive");
            }
            this.batchSize = n;
            return this;
        }

        public Builder learningRate(double lr) {
            this.learningRate = lr;
            return this;
        }

        /** Largest norm of the gradient, all weights together; default 1. */
        public Builder clip(double maxNorm) {
            if (!(maxNorm > 0)) {
                throw new IllegalArgumentException("gradient clip = " + maxNorm + " must be positive");
            }
            this.clip = maxNorm;
            return this;
        }

        /** Seed of the training batches (the weights have their own, in {@link ModelSpec#build}). */
        public Builder dataSeed(long seed) {
            this.dataSeed = seed;
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
