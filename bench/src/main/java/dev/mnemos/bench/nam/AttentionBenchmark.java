package dev.mnemos.bench.nam;

import dev.mnemos.nam.attention.NamAttention;
import dev.mnemos.nam.attention.SoftmaxAttention;
import dev.mnemos.nam.tensor.RandomVectors;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * NAM attention (linear in S) against exact softmax attention (quadratic in S) at d = 64, one
 * thread, self-attention (Q = K). Target: NAM at least 100x faster at S = 16,384.
 *
 * <p>java -jar bench/target/benchmarks.jar 'nam.AttentionBenchmark' -f 1 -wi 2 -i 3 -r 1s -w 1s
 * -rf csv -rff /tmp/attention.csv, then bin/nam scaling-chart /tmp/attention.csv
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class AttentionBenchmark {

    private static final int D = 64;

    @Param({"1024", "4096", "16384"})
    public int length;

    private float[][] keys;
    private float[][] values;
    private final NamAttention nam = new NamAttention();
    private final SoftmaxAttention softmax = new SoftmaxAttention();

    @Setup
    public void setUp() {
        Random random = new Random(length);
        keys = new float[length][];
        values = new float[length][];
        for (int t = 0; t < length; t++) {
            keys[t] = RandomVectors.gaussian(random, D);
            values[t] = RandomVectors.gaussian(random, D);
        }
    }

    @Benchmark
    public float[][] nam() {
        return nam.attend(keys, keys, values);
    }

    @Benchmark
    public float[][] softmax() {
        return softmax.attend(keys, keys, values);
    }
}
