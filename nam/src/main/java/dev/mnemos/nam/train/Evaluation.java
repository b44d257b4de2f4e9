package dev.mnemos.nam.train;

import dev.mnemos.nam.grad.Rng;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.task.Example;
import dev.mnemos.nam.task.Task;
import java.util.List;

/**
 * How well a model answers problems of one size: the share of sequences answered entirely right,
 * and the share of answer tokens right.
 */
public record Evaluation(int size, int sequences, double sequenceAccuracy, double tokenAccuracy) {

    /** Problems run through the model at once. */
    static final int CHUNK = 50;

    /**
     * Scores {@code model} on {@code count} random problems of size {@code n} drawn from {@code seed}
     * (run in batches of up to 50, which gives what one at a time gives, bit for bit).
     */
    public static Evaluation of(SequenceModel model, Task task, int n, int count, long seed) {
        Rng rng = new Rng(seed);
        int rightSequences = 0;
        long rightTokens = 0;
        long tokens = 0;
        for (int from = 0; from < count; from += CHUNK) {
            Example[] examples = new Example[Math.min(CHUNK, count - from)];
            double[][][] inputs = new double[examples.length][][];
            for (int b = 0; b < examples.length; b++) {
                examples[b] = task.generate(rng, n);
                inputs[b] = examples[b].inputs();
            }
            List<Tensor> logits = model.forward(new Tape(), inputs);
            for (int b = 0; b < examples.length; b++) {
                int[] targets = examples[b].targets();
                boolean all = true;
                for (int t = 0; t < targets.length; t++) {
                    if (targets[t] != Example.NONE) {
                        tokens++;
                        boolean right = logits.get(t).argmax(b) == targets[t];
                        rightTokens += right ? 1 : 0;
                        all &= right;
                    }
                }
                rightSequences += all ? 1 : 0;
            }
        }
        return new Evaluation(n, count, (double) rightSequences / count, (double) rightTokens / tokens);
    }
}
