package dev.mnemos.poem.eval;

import dev.mnemos.poem.Poem;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.ask.Reply;
import dev.mnemos.poem.data.Example;
import dev.mnemos.embed.Encoder;
import dev.mnemos.embed.EncoderTest;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.pool.ExamplePool;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.*;

class EvaluatorTest {

    static final List<String> LABELS = List.of("x", "y");

    Poem poem(EpisodicMemory memory) {
        List<Example> pool = new ArrayList<>();
        for (int i = 0; i < 10; i++) pool.add(new Example("pool " + i, i % 2 == 0 ? "x" : "y"));
        Encoder encoder = Encoder.builder().model(new EncoderTest.CountingModel()).id("counting").build();
        return Poem.builder().pool(ExamplePool.of(pool, encoder)).encoder(encoder).estimator(memory).m(3).build();
    }

    List<Example> queries() {
        List<Example> q = new ArrayList<>();
        for (int i = 0; i < 20; i++) q.add(new Example("query " + i, "x"));
        return q;
    }

    @Test
    void everyMethodSeesTheSameExamplesOnlyTheOrderDiffers() throws Exception {
        Map<String, Set<Set<String>>> shown = new ConcurrentHashMap<>();
        Asker asker = (query, ordered) -> {
            shown.computeIfAbsent(query, q -> ConcurrentHashMap.newKeySet()).add(Set.copyOf(ordered.stream().map(Example::input).toList()));
            return Reply.of("x");
        };
        EvalReport report = Evaluator.builder().poem(poem(EpisodicMemory.builder().dimension(8).build())).asker(asker)
                .labels(LABELS).bestFixed(Permutation.of(2, 3, 1)).build().evaluate(queries());
        assertEquals(List.of("poem", "random", "most-similar-first", "most-similar-last", "best-fixed"),
                report.methods().stream().map(MethodResult::method).toList());
        shown.values().forEach(sets -> assertEquals(1, sets.size()));
        assertEquals("[2,3,1]", report.method("best-fixed").orElseThrow().order());
        assertEquals(1.0, report.method("random").orElseThrow().score().mean());
    }

    @Test
    void answersOutsideTheLabelSetScoreZeroAndAreCounted() throws Exception {
        Asker asker = (query, ordered) -> Reply.of(query.endsWith("1") ? "I cannot decide." : query.endsWith("2") ? "neutral" : "x");
        EvalReport report = Evaluator.builder().poem(poem(EpisodicMemory.builder().dimension(8).build())).asker(asker)
                .labels(LABELS).build().evaluate(queries());
        MethodResult poem = report.method("poem").orElseThrow();
        // queries 1, 11 and 2, 12 answer outside the labels
        assertEquals(4, poem.outside());
        assertEquals(16 / 20.0, poem.score().mean(), 1e-9);
        assertTrue(report.table().contains("outside"));
        assertTrue(report.json().contains("\"outside\" : 4"));
    }

    @Test
    void theMemorysChoiceIsUsedForPoem() throws Exception {
        EpisodicMemory memory = EpisodicMemory.builder().dimension(8).k(50).build();
        Poem poem = poem(memory);
        Permutation learned = Permutation.of(3, 1, 2);
        for (Example q : queries()) memory.write(poem.encoder().encode(q.input()), learned, 1.0);
        Asker lastIsRankThree = (query, ordered) -> Reply.of("x");
        List<List<Example>> seen = new ArrayList<>();
        Asker recording = (query, ordered) -> {
            synchronized (seen) { seen.add(ordered); }
            return lastIsRankThree.ask(query, ordered);
        };
        Evaluator.builder().poem(poem).asker(recording).labels(LABELS).concurrency(1).build().evaluate(queries().subList(0, 1));
        var ranked = poem.pool().nearest(poem.encoder().encode("query 0"), 3);
        assertEquals(learned.apply(ranked.byRank()), seen.get(0), "POEM's prompt uses the learned order");
        assertEquals(ranked.byRank(), seen.get(2), "most similar first");
    }

    @Test
    void intervalsAreWilsonForAccuracyAndNormalOtherwise() {
        Interval acc = Interval.of(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 0, 0});
        assertEquals(0.8, acc.mean(), 1e-12);
        assertEquals(0.4902, acc.low(), 1e-3);   // Wilson score interval for 8 of 10
        assertEquals(0.9433, acc.high(), 1e-3);
        Interval f1 = Interval.of(new double[] {0.5, 0.7, 0.9});
        assertEquals(0.7, f1.mean(), 1e-12);
        assertEquals(0.7 - 1.959964 * 0.2 / Math.sqrt(3), f1.low(), 1e-9);
    }
}
