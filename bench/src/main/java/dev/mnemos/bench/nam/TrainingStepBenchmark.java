package dev.mnemos.bench.nam;

import dev.mnemos.nam.experiment.ModelSizes;
import dev.mnemos.nam.grad.Ops;
import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.task.Reverse;
import dev.mnemos.nam.task.Task;
import dev.mnemos.nam.train.Models;
import dev.mnemos.nam.train.Trainer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sequences per second of a training step (forward, backpropagation through time, clipping, Adam),
 * at the sizes of nam/README.md's comparison (about 3,800 weights each): the reverse task at size
 * 5 (10 steps per sequence), 8 sequences per step, one thread. This class runs the double
 * precision loops on SIMD lanes ({@code --add-modules jdk.incubator.vector});
 * {@link ScalarTrainingStepBenchmark} runs them as plain Java.
 *
 * <p>java -jar bench/target/benchmarks.jar 'nam.*TrainingStepBenchmark' -f 1 -wi 2 -i 3 -r 2s -w 2s
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainingStepBenchmark {

    static final int BATCH = 8;

    @Param({"lsam", "namtm", "lstm", "delta", "mlstm", "shm"})
    public String model;

    private Trainer trainer;

    /** Whether steps are batched ({@link BatchedTrainingStepBenchmark}: one size for the 8, one tape). */
    protected boolean batched() {
        return false;
    }

    /** The kernel this class expects; the setup fails if the JVM runs another. */
    protected String expectedKernel() {
        return "vector";
    }

    @Setup
    public void setUp() {
        if (!Ops.kernel().startsWith(expectedKernel())) {
            throw new IllegalStateException("expected the " + expectedKernel() + " kernel, the JVM runs " + Ops.kernel());
        }
        Task task = new Reverse();
        trainer = Trainer.builder().model(Models.build(ModelSizes.matching(ModelKind.named(model), task), 1)).task(task).minLength(5)
                .maxLength(5).batchSize(BATCH).batched(batched()).build();
    }

    /** One step of 8 sequences; the score is in sequences per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double step() {
        return trainer.step().loss();
    }
}
