package dev.mnemos.bench.utm;

import dev.mnemos.runtime.cache.PromptCache;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.utm.bitag.BiTagCompiler;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.bitag.U152Tape;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.ReferenceProcessor;
import dev.mnemos.utm.verify.LockstepVerifier;
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
 * U15,2 through the whole string-memory runtime (Read, Compute, Write on {@code Memory}) with the
 * reference backend and lockstep verification on.
 * <ul>
 *   <li>{@code workedExample}: the spec's worked example (11,850 cycles), time per run.</li>
 *   <li>{@code specExampleWarmCache}: the 120,966-cycle example with a prompt cache that already
 *       holds the 29 answers, in cycles per second (target: 500,000).</li>
 *   <li>{@code specExampleWarmCacheUnverified}: the same without the verifier, to show its cost.</li>
 * </ul>
 *
 * <pre>java -jar bench/target/benchmarks.jar 'utm.RuntimeBench'</pre>
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuntimeBench {

    private PromptSet prompts;
    private ReferenceProcessor reference;
    private PromptCache warm;

    @Setup
    public void setUp() {
        prompts = PromptFiles.u152();
        reference = new ReferenceProcessor(prompts);
        warm = PromptCache.inMemory();
        RunResult r = run(Programs.SPEC, warm, true);
        if (!r.halted() || r.cycles() != Programs.SPEC_STEPS + 1 || r.modelCalls() > 29) {
            throw new IllegalStateException("the warm-up run did not halt as expected: " + r);
        }
    }

    private RunResult run(BiTagProgram program, PromptCache cache, boolean verify) {
        U152Tape t = BiTagCompiler.compile(program);
        Memory memory = MemoryImage.of(prompts, t.tape(), t.head());
        Machine.Builder b = Machine.builder().processor(reference);
        if (cache != null) b.cache(cache);
        if (verify) b.listener(new LockstepVerifier(prompts, memory, false));
        return b.build().run(memory);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RunResult workedExample() {
        return run(Programs.WORKED, null, true);
    }

    /** Cycles per second: one operation is one runtime cycle. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(Programs.SPEC_STEPS + 1)
    public RunResult specExampleWarmCache() {
        return run(Programs.SPEC, warm, true);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(Programs.SPEC_STEPS + 1)
    public RunResult specExampleWarmCacheUnverified() {
        return run(Programs.SPEC, warm, false);
    }
}
