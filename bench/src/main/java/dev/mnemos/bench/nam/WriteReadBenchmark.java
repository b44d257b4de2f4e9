package dev.mnemos.bench.nam;

import dev.mnemos.nam.tensor.Nam;
import dev.mnemos.nam.tensor.NamMatrix;
import dev.mnemos.nam.tensor.RandomVectors;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One NAM write (delta rule, p_w = p_e = 0.5) plus one read at d_k = d_v = 384, one thread.
 * Target: under 50 us.
 * <ul>
 *   <li>{@code writeRead}: the fused call, one pass over the matrix;</li>
 *   <li>{@code writeThenRead}: {@code write} then {@code read}, two passes;</li>
 *   <li>{@code reference}: the textbook loops of {@link Nam} on float[][], for scale.</li>
 * </ul>
 * This class runs the SIMD kernel ({@code --add-modules jdk.incubator.vector});
 * {@link ScalarWriteReadBenchmark} runs the same methods on the scalar fallback.
 *
 * <p>java -jar bench/target/benchmarks.jar 'nam.*WriteReadBenchmark' -f 1 -wi 2 -i 3 -r 1s -w 1s
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WriteReadBenchmark {

    private static final int D = 384;

    private NamMatrix matrix;
    private float[][] reference;
    private float[][] keys;
    private float[][] values;
    private float[] out;
    private int next;

    /** The kernel this class expects; the setup fails if the JVM runs another. */
    protected String expectedKernel() {
        return "vector";
    }

    @Setup
    public void setUp() {
        if (!NamMatrix.kernel().startsWith(expectedKernel())) {
            throw new IllegalStateException("expected the " + expectedKernel() + " kernel, the JVM runs "
                    + NamMatrix.kernel());
        }
        Random random = new Random(1);
        matrix = new NamMatrix(D, D);
        reference = Nam.zeros(D, D);
        keys = new float[64][];
        values = new float[64][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = RandomVectors.gaussian(random, D);
            values[i] = RandomVectors.gaussian(random, D);
        }
        out = new float[D];
    }

    @Benchmark
    public float[] writeRead() {
        int i = next++ & 63;
        matrix.writeRead(keys[i], values[i], 0.5f, 0.5f, keys[(i + 1) & 63], 1f, out);
        return out;
    }

    @Benchmark
    public float[] writeThenRead() {
        int i = next++ & 63;
        matrix.write(keys[i], values[i], 0.5f, 0.5f);
        matrix.read(keys[(i + 1) & 63], 1f, out);
        return out;
    }

    @Benchmark
    public float[] reference() {
        int i = next++ & 63;
        Nam.write(reference, keys[i], values[i], 0.5f, 0.5f);
        return Nam.read(reference, keys[(i + 1) & 63], 1f);
    }
}
