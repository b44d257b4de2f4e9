package dev.mnemos.bench.utm;

import dev.mnemos.utm.lag.LagInterpreter;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.Synthetic;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The Lag reference interpreter's speed in steps per second (target: 100 million on one core) on
 * a synthetic 2,000-rule system shaped like the published U15,2 one (45 two-letter symbols, 16 of
 * the values two symbols long). Each invocation starts from a 1,000-symbol queue and takes one
 * million steps.
 *
 * <pre>java -jar bench/target/benchmarks.jar 'utm.LagBench'</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LagBench {

    static final int STEPS = 1_000_000;

    private LagSystem system;
    private int[] queue;

    @Setup
    public void setUp() {
        system = Synthetic.dictionary(2_000, 2027);
        queue = Synthetic.queue(system, 1_000, 1);
        LagInterpreter check = new LagInterpreter(system, queue);
        if (check.run(STEPS) != STEPS) throw new IllegalStateException("the synthetic system halted: " + check.halt());
    }

    /** Steps per second: one operation is one Lag step. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long steps() {
        LagInterpreter lag = new LagInterpreter(system, queue);
        lag.run(STEPS);
        return lag.steps();
    }
}
