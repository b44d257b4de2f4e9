package dev.mnemos.nam.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.task.Reverse;
import dev.mnemos.nam.task.Task;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * The tiny task: a NAM Turing machine learns to reverse sequences of 4 symbols (of 8) to
 * at least 95% sequence accuracy on fresh sequences, on one thread, within 30 s of CPU time (its
 * own thread's CPU time, so that other work on a shared machine does not count). Seeds are fixed,
 * so the run is the same every time: 1,200 steps of 8 sequences.
 */
class ReverseLearningTest {

    @Test
    void aNamTuringMachineLearnsToReverseFourSymbols() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        Task task = new Reverse();
        SequenceModel model = Models.build(ModelSpec.namtm(task.inputSize(), task.outputSize(), 16, 8, 1), 1);
        Trainer trainer = Trainer.builder().model(model).task(task).minLength(4).maxLength(4).batchSize(8)
                .learningRate(1e-2).dataSeed(1).build();
        double heldOut = 0;
        while (trainer.steps() < 2_000 && heldOut < 0.97) {
            for (int i = 0; i < 100; i++) {
                trainer.step();
            }
            heldOut = Evaluation.of(model, task, 4, 100, 99).sequenceAccuracy();
        }
        double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;

        Evaluation fresh = Evaluation.of(model, task, 4, 500, 12345);
        assertTrue(fresh.sequenceAccuracy() >= 0.95, "sequence accuracy " + fresh.sequenceAccuracy() + " after "
                + trainer.steps() + " steps");
        assertTrue(seconds < 30, "took " + seconds + " s of CPU time");
        System.out.printf("reverse, n = 4: %.3f of 500 fresh sequences after %d steps, %.1f s CPU%n",
                fresh.sequenceAccuracy(), trainer.steps(), seconds);
    }
}
