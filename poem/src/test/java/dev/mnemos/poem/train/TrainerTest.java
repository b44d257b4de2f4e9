package dev.mnemos.poem.train;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.ask.Reply;
import dev.mnemos.poem.data.Example;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.reward.ExactMatch;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.runtime.model.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class TrainerTest {

    @TempDir Path dir;

    /** 30 examples on a circle of 2-d embeddings; labels alternate in blocks. */
    static List<Example> examples() {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) out.add(new Example("query " + i, (i / 3) % 2 == 0 ? "x" : "y"));
        return out;
    }

    static Poem poem(EpisodicMemory memory, int m) {
        List<Example> ex = examples();
        List<float[]> emb = new ArrayList<>();
        for (int i = 0; i < ex.size(); i++) {
            double a = 2 * Math.PI * i / ex.size();
            emb.add(new float[] {(float) Math.cos(a), (float) Math.sin(a)});
        }
        Encoder unused = Encoder.builder().model(new dev.mnemos.embed.EncoderTest.CountingModel()).id("t").build();
        return Poem.builder().pool(ExamplePool.of(ex, emb)).encoder(unused).estimator(memory).m(m).build();
    }

    static EpisodicMemory memory() {
        return EpisodicMemory.builder().dimension(2).k(3).build();
    }

    /** Answers with the last example's output, and remembers what it was asked. */
    static final class LastLabel implements Asker {
        final Map<String, List<List<String>>> asked = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        volatile int failAfter = Integer.MAX_VALUE;
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Reply ask(String query, List<Example> ordered) throws ModelException {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                if (calls.incrementAndGet() > failAfter) {
                    throw new ModelException(ModelException.Kind.UNREACHABLE, "cannot reach Ollama at http://localhost:1");
                }
                Thread.sleep(1);
                asked.computeIfAbsent(query, q -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(ordered.stream().map(Example::input).toList());
                return Reply.of(ordered.get(ordered.size() - 1).output());
            } catch (InterruptedException e) {
                throw new ModelException(ModelException.Kind.TIMEOUT, "interrupted");
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    @Test
    void triesTDistinctOrdersPerQueryWithoutTheQueryAmongItsExamples() throws Exception {
        EpisodicMemory memory = memory();
        LastLabel model = new LastLabel();
        TrainingResult r = Trainer.builder().poem(poem(memory, 4)).asker(model).reward(new ExactMatch())
                .orders(8).concurrency(3).build().train();
        assertEquals(30, r.trained());
        assertEquals(240, r.modelCalls());
        assertEquals(240, memory.size());
        for (Map.Entry<String, List<List<String>>> e : model.asked.entrySet()) {
            assertEquals(8, e.getValue().size());
            assertEquals(8, new HashSet<>(e.getValue()).size(), "orders are distinct");
            e.getValue().forEach(prompt -> assertFalse(prompt.contains(e.getKey())));
        }
        assertTrue(model.maxInFlight.get() <= 3, "at most 3 calls at once, saw " + model.maxInFlight.get());
    }

    @Test
    void triesEveryOrderWhenThereAreNoMoreThanT() throws Exception {
        LastLabel model = new LastLabel();
        Trainer.builder().poem(poem(memory(), 3)).asker(model).reward(new ExactMatch()).orders(8).build().train();
        model.asked.values().forEach(orders -> assertEquals(6, new HashSet<>(orders).size()));
    }

    @Test
    void anInterruptedRunContinuesWithoutRepeatingFinishedQueries() throws Exception {
        Path file = dir.resolve("m.poem");
        EpisodicMemory memory = memory();
        Poem poem = poem(memory, 3);
        TrainingLog log = new TrainingLog();
        LastLabel failing = new LastLabel();
        failing.failAfter = 6 * 12 + 3;   // dies during the 13th query or so
        MemorySettings settings = new MemorySettings(3, dev.mnemos.poem.memory.ReadSettings.DEFAULT.withK(3), false, 100_000, "t", 2, Permutation.identity(3));
        Saver save = () -> PoemFile.save(file, new PoemFile.Contents(settings, Task.simple(List.of()), poem.pool().examples(), memory, log));
        ModelException e = assertThrows(ModelException.class, () -> Trainer.builder().poem(poem).asker(failing)
                .reward(new ExactMatch()).orders(8).concurrency(1).log(log).checkpoint(save, Duration.ofHours(1)).build().train());
        assertEquals(ModelException.Kind.UNREACHABLE, e.kind());

        PoemFile.Contents saved = PoemFile.load(file);
        Set<String> finished = saved.log().finished();
        assertEquals(12, finished.size(), "the failed query is not counted");
        assertEquals(12 * 6, saved.memory().size(), "only whole queries are in the saved memory");

        LastLabel model = new LastLabel();
        Poem resumed = Poem.builder().pool(poem.pool()).encoder(poem.encoder()).estimator(saved.memory()).m(3).build();
        TrainingResult r = Trainer.builder().poem(resumed).asker(model).reward(new ExactMatch()).orders(8)
                .log(saved.log()).build().train();
        assertEquals(12, r.skipped());
        assertEquals(18, r.trained());
        assertEquals(18 * 6, r.modelCalls());
        for (String q : finished) assertFalse(model.asked.containsKey(q), q + " was asked again");
        assertEquals(30 * 6, saved.memory().size());
        assertEquals(30, saved.log().finished().size());
    }

    @Test
    void theOrdersTriedDependOnlyOnSeedAndQuery() throws Exception {
        LastLabel a = new LastLabel(), b = new LastLabel();
        Trainer.builder().poem(poem(memory(), 4)).asker(a).reward(new ExactMatch()).orders(5).seed(9).concurrency(4).build().train();
        Trainer.builder().poem(poem(memory(), 4)).asker(b).reward(new ExactMatch()).orders(5).seed(9).concurrency(1).build().train();
        for (String q : a.asked.keySet()) assertEquals(new HashSet<>(a.asked.get(q)), new HashSet<>(b.asked.get(q)));
    }

    @Test
    void theBestFixedOrderIsTheOneWithTheHighestMeanTrainingReward() {
        TrainingLog rare = new TrainingLog();
        Permutation often = Permutation.of(1, 2), once = Permutation.of(2, 1);
        for (int i = 0; i < 10; i++) rare.finish("q" + i, List.of(often), new double[] {0.8});
        rare.finish("lucky", List.of(once), new double[] {1.0});
        assertEquals(once, rare.bestFixedOrder(1).orElseThrow());
        assertEquals(often, rare.bestFixedOrder().orElseThrow(), "an order tried once does not beat one tried ten times");

        TrainingLog log = new TrainingLog();
        Permutation a = Permutation.of(1, 2), b = Permutation.of(2, 1);
        log.finish("q1", List.of(a, b), new double[] {1, 0});
        log.finish("q2", List.of(a, b), new double[] {0, 1});
        log.finish("q3", List.of(b), new double[] {1});
        assertEquals(b, log.bestFixedOrder(1).orElseThrow());
        assertEquals(2, log.stats().get(a)[1]);
        log.finish("q4", List.of(Permutation.of(1, 2)), new double[] {0});
        log.finish("q5", List.of(b), new double[] {0});
        log.finish("q6", List.of(b), new double[] {0});
        log.finish("q7", List.of(b), new double[] {0});
        log.finish("q8", List.of(b), new double[] {0});
        // a: 1 of 3 = 0.33 in 3 tries; b: 2 of 7 = 0.29 in 7 tries; average 5 tries, so both count
        assertEquals(a, log.bestFixedOrder().orElseThrow());
    }
}
