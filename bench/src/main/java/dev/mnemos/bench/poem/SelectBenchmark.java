package dev.mnemos.bench.poem;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.action.Permutations;
import dev.mnemos.poem.data.Example;
import dev.mnemos.vectors.Vectors;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.pool.Ranked;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * POEM's select, excluding the query's embedding: the m = 4 nearest of a 1,000-example pool, then
 * the memory's read (k = 5 nearest stored states, Q per action, argmax) over a memory of
 * 100,000 entries. {@code entriesPerState} = 8 is what training with T = 8 writes (12,500 distinct
 * queries); 1 is the worst case, 100,000 distinct queries with one entry each.
 *
 * <pre>java -jar bench/target/benchmarks.jar SelectBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "--add-modules", "jdk.incubator.vector"})
public class SelectBenchmark {

    static final int D = 384;

    @Param({"100000"})
    int entries;

    @Param({"8", "1"})
    int entriesPerState;

    EpisodicMemory memory;
    ExamplePool pool;
    float[][] queries;
    int next;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        memory = EpisodicMemory.builder().dimension(D).k(5).capacity(entries).build();
        List<Permutation> all = Permutations.all(4);
        for (int s = 0; s < entries / entriesPerState; s++) {
            float[] state = unit(random);
            for (int a = 0; a < entriesPerState; a++) memory.write(state, all.get((s + a * 7) % all.size()), random.nextDouble());
        }
        List<Example> examples = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            examples.add(new Example("example " + i, i % 2 == 0 ? "positive" : "negative"));
            embeddings.add(unit(random));
        }
        pool = ExamplePool.of(examples, embeddings);
        queries = new float[256][];
        for (int i = 0; i < queries.length; i++) queries[i] = unit(random);
    }

    static float[] unit(Random random) {
        float[] v = new float[D];
        for (int i = 0; i < D; i++) v[i] = (float) random.nextGaussian();
        return Vectors.unit(v);
    }

    @Benchmark
    public Optional<Permutation> select() {
        float[] q = queries[next++ & 255];
        Ranked ranked = pool.nearest(q, 4);
        Optional<Permutation> order = memory.best(q);
        return ranked.size() == 4 ? order : Optional.empty();
    }

    @Benchmark
    public Optional<Permutation> memoryReadOnly() {
        return memory.best(queries[next++ & 255]);
    }
}
