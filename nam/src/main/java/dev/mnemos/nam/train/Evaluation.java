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

    /** Scores {@code model} on {@code count} random problems of size {@code n} drawn from {@code seed}. */
    public static Evaluation of(SequenceModel model, Task task, int n, int count, long seed) {
        Rng rng = new Rng(seed);
        int rightSequences = 0;
        long rightTokens = 0;
        long tokens = 0;
        for (int i = 0; i < count; i++) {
            Example e = task.generate(rng, n);
            List<Tensor> logits = model.forward(new Tape(), e.inputs());
            boolean all = true;
            for (int t = 0; t < e.steps(); t++) {
                if (e.targets()[t] == Example.NONE) {
                    continue;
                }
                tokens++;
                if (logits.get(t).argmax() == e.targets()[t]) {
                    rightTokens++;
                } else {
                    all = false;
                }
            }
            rightSequences += all ? 1 : 0;
        }
        return new Evaluation(n, count, (double) rightSequences / count, (double) rightTokens / tokens);
    }
}
