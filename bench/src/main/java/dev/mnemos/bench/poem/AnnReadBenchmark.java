package dev.mnemos.bench.poem;

import dev.mnemos.poem.store.MemorySettings;
import com.sun.management.OperatingSystemMXBean;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.Aggregate;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.Neighbour;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.train.TrainingLog;
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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * One memory read (k = 5) over {@code states} distinct states of d = 384, one entry each (a random
 * order of 4 and a random reward), through the graph index or the exact scan, on one thread.
 *
 * <p>Two kinds of states ({@code data}): {@code clustered}, drawn like query embeddings of an app,
 * a topic direction (2,000 topics) plus the query's own noise of the same norm; and {@code random},
 * uniform random directions, the hardest case for a graph (no structure to follow). Queries are
 * drawn the same way as the states.
 *
 * <p>For the graph, the memory is built once and saved with its graph index into
 * {@code bench/target/ann/DATA-STATES.poem} (and {@code .poem.index}); a later run loads it from
 * there. The setup prints the build time (wall and process CPU: inserting every state on every
 * core, which is what loading without a saved graph costs), the save time, the load time with the
 * saved graph, and the recall@5 and share of 1,000 random queries where the chosen order equals the
 * exact read's. Building a million states takes long, so that step can run alone:
 *
 * <pre>
 * java -Xmx14g --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.mnemos.bench.poem.AnnReadBenchmark 1000000 clustered
 * java -jar bench/target/benchmarks.jar AnnReadBenchmark -p states=1000000 -p index=graph -p data=clustered
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "--add-modules", "jdk.incubator.vector"})
public class AnnReadBenchmark {

    static final int D = 384;
    static final int K = 5;
    static final Path DIR = Path.of(System.getProperty("ann.dir", "bench/target/ann"));

    @Param({"50000"})
    int states;

    @Param({"graph", "exact"})
    String index;

    @Param({"clustered", "random"})
    String data;

    /** Candidates a graph read keeps ({@code EpisodicMemory.searchBeam}); the memory's default is 100. */
    @Param({"100"})
    int searchBeam;

    EpisodicMemory memory;
    float[][] queries;
    int next;

    /** Builds and saves the memory for {@code states} and {@code data} (args), printing the build and save times. */
    public static void main(String[] args) throws IOException {
        AnnReadBenchmark b = new AnnReadBenchmark();
        b.states = Integer.parseInt(args[0]);
        b.data = args[1];
        b.buildAndSave(b.episodes());
    }

    @Setup
    public void setUp() throws IOException {
        List<Episode> episodes = episodes();
        Random random = new Random(2);
        float[][] topics = topics();
        queries = new float[1_000][];
        for (int i = 0; i < queries.length; i++) queries[i] = state(random, topics);
        if (index.equals("exact")) {
            memory = memory(Integer.MAX_VALUE);
            memory.addAll(episodes);
            return;
        }
        if (!Files.exists(file()) || !Files.exists(Path.of(file() + ".index"))) buildAndSave(episodes);
        long start = System.nanoTime();
        memory = PoemFile.load(file(), note -> System.out.println("note: " + note)).memory();
        memory.searchBeam(searchBeam);
        System.out.printf("%nloaded %s (%,d MB) with its graph index (%,d MB) in %.1f s%n", file(), Files.size(file()) >> 20,
                Files.size(Path.of(file() + ".index")) >> 20, (System.nanoTime() - start) / 1e9);
        agreement(episodes);
    }

    void buildAndSave(List<Episode> episodes) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        EpisodicMemory built = memory(0);
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        built.addAll(episodes); // every state into the graph at once, on every core: what a load without a saved graph does
        System.out.printf("%n%s graph of %,d states built in %.1f s wall, %.1f s process CPU (%d cores)%n", data, states,
                (System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9, Runtime.getRuntime().availableProcessors());
        Files.createDirectories(DIR);
        start = System.nanoTime();
        PoemFile.save(file(), contents(built));
        System.out.printf("saved memory and graph index in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    Path file() {
        return DIR.resolve(data + "-" + states + ".poem");
    }

    /** Recall@5 and the same chosen order, against the exact scan over the same states; the exact reads run on every core. */
    void agreement(List<Episode> episodes) {
        EpisodicMemory exact = memory(Integer.MAX_VALUE);
        exact.addAll(episodes);
        long start = System.nanoTime();
        double[] recall = new double[queries.length];
        boolean[] same = new boolean[queries.length];
        IntStream.range(0, queries.length).parallel().forEach(i -> {
            List<Neighbour> truth = exact.nearest(queries[i], K);
            List<Neighbour> found = memory.nearest(queries[i], K);
            int hits = 0;
            for (Neighbour n : found) if (truth.stream().anyMatch(t -> Arrays.equals(t.state(), n.state()))) hits++;
            recall[i] = hits / (double) K;
            same[i] = exact.best(queries[i]).equals(memory.best(queries[i]));
        });
        int agree = 0;
        for (boolean s : same) if (s) agree++;
        System.out.printf("search beam %d: recall@5 %.4f, same order as the exact read on %d of %d queries (checked in %.0f s)%n",
                searchBeam, Arrays.stream(recall).average().orElse(0), agree, queries.length, (System.nanoTime() - start) / 1e9);
    }

    EpisodicMemory memory(int exactUpTo) {
        return EpisodicMemory.builder().dimension(D).k(K).capacity(states).exactUpTo(exactUpTo).build();
    }

    List<Episode> episodes() {
        Random random = new Random(1);
        float[][] topics = topics();
        List<Episode> out = new ArrayList<>(states);
        for (int i = 0; i < states; i++) out.add(new Episode(state(random, topics), Permutation.fromIndex(4, random.nextInt(24)), random.nextDouble(), i));
        return out;
    }

    float[][] topics() {
        Random random = new Random(0);
        float[][] topics = new float[2_000][];
        for (int i = 0; i < topics.length; i++) topics[i] = unit(random, null);
        return topics;
    }

    float[] state(Random random, float[][] topics) {
        return unit(random, data.equals("random") ? null : topics[random.nextInt(topics.length)]);
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

    static PoemFile.Contents contents(EpisodicMemory memory) {
        Task task = new Task("Classify.", "In: {input}\nOut: {output}", "In: {input}\nOut:", "\n\n", "{input}", List.of("x", "y"));
        return new PoemFile.Contents(new MemorySettings(4, new ReadSettings(K, Weighting.SIMILARITY, Aggregate.SUM), false,
                memory.capacity(), "bench", D, Permutation.identity(4)), task, List.of(new Example("q", "x")), memory, new TrainingLog());
    }

    @Benchmark
    public Optional<Permutation> read() {
        float[] q = queries[next];
        next = (next + 1) % queries.length;
        return memory.best(q);
    }
}
