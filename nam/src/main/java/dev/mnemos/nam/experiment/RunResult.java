package dev.mnemos.nam.experiment;

import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.train.Evaluation;
import java.util.List;

/**
 * One trained model of the comparison: task, model kind, seed, weight count, its final training
 * loss, and its scores at sizes N, 2N and 4N.
 */
public record RunResult(String task, ModelKind model, long seed, int weights, double finalLoss, List<Evaluation> scores,
        double seconds) {
}
