package dev.mnemos.bench.nam;

/**
 * {@link TrainingStepBenchmark} with batched steps: the 8 sequences (all of size 5 here, as in the
 * unbatched class) run as one batch on one tape, each operation over all 8 at once, on SIMD lanes.
 *
 * <p>java -jar bench/target/benchmarks.jar 'nam.BatchedTrainingStepBenchmark|nam.TrainingStepBenchmark'
 */
public class BatchedTrainingStepBenchmark extends TrainingStepBenchmark {

    @Override
    protected boolean batched() {
        return true;
    }
}
