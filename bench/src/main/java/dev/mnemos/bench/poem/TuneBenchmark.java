package dev.mnemos.bench.poem;

import dev.mnemos.vectors.Vectors;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.action.Permutations;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.tune.ReadTuner;
import dev.mnemos.poem.tune.TuningReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code poem train}'s last step, {@link ReadTuner}: leave-one-query-out cross-validation of the
 * 40 candidate reads (k of 1..200, two weightings, sum or mean) plus the best fixed order, on a
 * memory of 20,000 episodes of m = 4, 384-dimensional states, one thread. {@code ordersPerQuery} = 8
 * is what training with T = 8 writes (2,500 queries); 2 gives 10,000 queries, all of them eligible
 * to be held out (1,000 are, the tuner's default sample).
 *
 * <pre>java -jar bench/target/benchmarks.jar TuneBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class TuneBenchmark {

    static final int D = 384;

    @Param({"20000"})
    int episodes;

    @Param({"8", "2"})
    int ordersPerQuery;

    EpisodicMemory memory;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        memory = EpisodicMemory.builder().dimension(D).capacity(episodes).build();
        for (int s = 0; s < episodes / ordersPerQuery; s++) {
            float[] state = new float[D];
            for (int i = 0; i < D; i++) state[i] = (float) random.nextGaussian();
            state = Vectors.unit(state);
            for (Permutation p : Permutations.distinct(4, ordersPerQuery, random)) memory.write(state, p, random.nextInt(2));
        }
    }

    @Benchmark
    public TuningReport tune() {
        return ReadTuner.builder().build().tune(memory);
    }
}
