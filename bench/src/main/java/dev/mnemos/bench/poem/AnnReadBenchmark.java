package dev.mnemos.bench.poem;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.Neighbour;
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

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One memory read (k = 5) over {@code states} distinct states of d = 384, one entry each, through
 * the graph index or the exact scan. States are drawn like query embeddings: a topic direction
 * (2,000 topics) plus the query's own noise of the same norm. The setup prints the build time, and
 * for the graph the recall@5 and the share of 1,000 random queries where the chosen order equals
 * the exact read's.
 *
 * <pre>java -jar bench/target/benchmarks.jar AnnReadBenchmark -p states=1000000 -p index=graph</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
public class AnnReadBenchmark {

    static final int D = 384;

    @Param({"50000"})
    int states;

    @Param({"graph", "exact"})
    String index;

    EpisodicMemory memory;
    float[][] queries;
    int next;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        float[][] topics = new float[2_000][];
        for (int i = 0; i < topics.length; i++) topics[i] = unit(random, null);
        memory = memory(index.equals("graph") ? 0 : Integer.MAX_VALUE);
        long start = System.nanoTime();
        for (int i = 0; i < states; i++) {
            memory.write(unit(random, topics[random.nextInt(topics.length)]), Permutation.fromIndex(4, random.nextInt(24)), random.nextDouble());
        }
        System.out.printf("%n%s index of %,d states built in %.1f s%n", index, states, (System.nanoTime() - start) / 1e9);
        queries = new float[1_000][];
        for (int i = 0; i < queries.length; i++) queries[i] = unit(random, topics[random.nextInt(topics.length)]);
        if (index.equals("graph")) agreement();
    }

    EpisodicMemory memory(int exactUpTo) {
        return EpisodicMemory.builder().dimension(D).k(5).capacity(states).exactUpTo(exactUpTo).build();
    }

    /** Recall@5 and the same chosen order, against an exact memory holding the same episodes. */
    void agreement() {
        EpisodicMemory exact = memory(Integer.MAX_VALUE);
        exact.addAll(memory.episodes());
        double recall = 0;
        int same = 0;
        for (float[] q : queries) {
            Set<String> truth = states(exact.nearest(q, 5));
            Set<String> found = states(memory.nearest(q, 5));
            found.retainAll(truth);
            recall += found.size() / 5.0;
            if (exact.best(q).equals(memory.best(q))) same++;
        }
        System.out.printf("recall@5 %.4f, same order on %d of %d queries%n", recall / queries.length, same, queries.length);
    }

    static Set<String> states(List<Neighbour> ns) {
        Set<String> out = new HashSet<>();
        for (Neighbour n : ns) out.add(Arrays.toString(n.state()));
        return out;
    }

    static float[] unit(Random r, float[] topic) {
        float[] v = new float[D];
        double n = 0;
        for (int i = 0; i < D; i++) {
            v[i] = (float) (r.nextGaussian() / Math.sqrt(D)) + (topic == null ? 0 : topic[i]);
            n += v[i] * v[i];
        }
        for (int i = 0; i < D; i++) v[i] /= (float) Math.sqrt(n);
        return v;
    }

    @Benchmark
    public Optional<Permutation> read() {
        float[] q = queries[next];
        next = (next + 1) % queries.length;
        return memory.best(q);
    }
}
