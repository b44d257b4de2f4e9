package dev.mnemos.bench.poem;

import dev.mnemos.embed.Encoder;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Embedding throughput of the in-process all-MiniLM-L6-v2 encoder, in sentences per second, sent
 * in batches of 32 short review sentences. Every sentence is new (a counter is appended), so the
 * encoder's cache never answers.
 *
 * <pre>java -jar bench/target/benchmarks.jar EmbeddingBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class EmbeddingBenchmark {

    static final int BATCH = 32;
    static final String[] SENTENCES = {
            "The pasta was perfectly cooked and full of flavour.",
            "Our waiter was rude and ignored our table for ages.",
            "The room was spotless and the bed incredibly comfortable.",
            "The battery dies before lunchtime every day.",
            "A clever plot with a twist I never saw coming.",
            "The wifi kept dropping and was painfully slow.",
            "Delivery was fast and the box was well packed.",
            "The cinema was freezing and the seats were broken."};

    Encoder encoder;
    long counter;

    @Setup
    public void setUp() {
        encoder = Encoder.miniLm();
        encoder.encode("warm up");
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<float[]> embedBatch() {
        List<String> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) batch.add(SENTENCES[i % SENTENCES.length] + " #" + counter++);
        return encoder.encodeAll(batch);
    }
}
