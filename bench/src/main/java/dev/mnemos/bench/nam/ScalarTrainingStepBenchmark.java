package dev.mnemos.bench.nam;

import org.openjdk.jmh.annotations.Fork;

/** {@link TrainingStepBenchmark} on the scalar loops (plain Java). */
@Fork(value = 1, jvmArgsAppend = "-Dmnemos.nam.kernel=scalar")
public class ScalarTrainingStepBenchmark extends TrainingStepBenchmark {

    @Override
    protected String expectedKernel() {
        return "scalar";
    }
}
