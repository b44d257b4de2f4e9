package dev.mnemos.bench.poem;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.ask.Reply;
import dev.mnemos.poem.data.Example;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.reward.ExactMatch;
import dev.mnemos.poem.train.Trainer;
import dev.mnemos.poem.train.TrainingResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * POEM's own cost per training episode, against a model that answers at once: choosing the m = 4
 * nearest examples, drawing T = 8 orders, ordering the examples, scoring the answer with exact
 * match over labels, writing to the memory and logging. 200 training queries (1,600 episodes)
 * per invocation, one thread, 384-dimensional states; the memory starts empty each invocation.
 *
 * <pre>java -jar bench/target/benchmarks.jar TrainingOverheadBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainingOverheadBenchmark {

    static final int QUERIES = 200;
    static final int T = 8;
    static final List<String> LABELS = List.of("positive", "negative");

    ExamplePool pool;
    Encoder encoder;
    Trainer trainer;
    final Asker instant = (query, ordered) -> Reply.of(ordered.get(ordered.size() - 1).output());

    @Setup(Level.Trial)
    public void pool() {
        Random random = new Random(1);
        List<Example> examples = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            examples.add(new Example("training text number " + i, LABELS.get(i % 2)));
            float[] v = new float[384];
            for (int j = 0; j < v.length; j++) v[j] = (float) random.nextGaussian();
            embeddings.add(v);
        }
        pool = ExamplePool.of(examples, embeddings);
        encoder = Encoder.builder().model(new Unused()).id("unused").build();
    }

    @Setup(Level.Invocation)
    public void freshMemory() {
        Poem poem = Poem.builder().pool(pool).encoder(encoder)
                .estimator(EpisodicMemory.builder().dimension(384).build()).m(4).build();
        trainer = Trainer.builder().poem(poem).asker(instant).reward(new ExactMatch(LABELS))
                .orders(T).concurrency(1).build();
    }

    @Benchmark
    @OperationsPerInvocation(QUERIES * T)
    public TrainingResult episode() throws Exception {
        return trainer.train();
    }

    /** Training never embeds: the pool's embeddings are given. */
    static final class Unused implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            throw new IllegalStateException("training embedded a text: the pool's embeddings were given, so it must not");
        }
    }
}
