package dev.mnemos.bench.utm;

import dev.mnemos.utm.bitag.BiTagCompiler;
import dev.mnemos.utm.bitag.U152Tape;
import dev.mnemos.utm.machine.U152;
import dev.mnemos.utm.sim.MacroSimulator;
import dev.mnemos.utm.sim.Simulator;
import dev.mnemos.utm.sim.Tape;
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
 * The reference simulator's speed on U15,2, in steps per second (target: 150 million on one core).
 * Each invocation runs the spec's 120,965-step bi-tag example from its initial tape to the halt,
 * with the plain simulator and with macro-steps.
 *
 * <pre>java -jar bench/target/benchmarks.jar 'utm.SimulatorBench'</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimulatorBench {

    private Tape tape;
    private MacroSimulator.Table table;
    private long head;

    @Setup
    public void setUp() {
        U152Tape t = BiTagCompiler.compile(Programs.SPEC);
        tape = t.tape();
        table = new MacroSimulator.Table(U152.machine());
        head = t.head();
        Simulator check = new Simulator(U152.machine(), tape, head);
        check.run(Long.MAX_VALUE);
        if (!check.halted() || check.steps() != Programs.SPEC_STEPS) {
            throw new IllegalStateException("expected " + Programs.SPEC_STEPS + " steps to the halt, got " + check.steps());
        }
    }

    /** Steps per second: one operation is one U15,2 step. */
    @Benchmark
    @OperationsPerInvocation(Programs.SPEC_STEPS)
    public long u152Steps() {
        Simulator sim = new Simulator(U152.machine(), tape, head);
        sim.run(Long.MAX_VALUE);
        return sim.steps();
    }

    /** The same with macro-steps over blocks of eight cells (exact step counts), the table filled on first use. */
    @Benchmark
    @OperationsPerInvocation(Programs.SPEC_STEPS)
    public long u152MacroSteps() {
        MacroSimulator sim = new MacroSimulator(table, tape, head);
        sim.run(Long.MAX_VALUE);
        return sim.steps();
    }
}
