package dev.mnemos.utm.bench.transitions;

import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bench.Bench;
import dev.mnemos.utm.bench.FakeModels;
import dev.mnemos.utm.bench.ModelInfo;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.Score;
import dev.mnemos.utm.bench.Tokens;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.ReferenceProcessor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchTest {

    static final PromptSet U152 = PromptFiles.u152();
    static final ModelInfo MODEL = new ModelInfo("test", "fake", "completion", 0.0);

    /** Answers like the reference backend, except on the given (state, symbol) pairs, where it moves the wrong way. */
    static Processor wrongOn(Set<String> cells) {
        return FakeModels.recognising("wrong on " + cells, (prompt, r, right) ->
                new Answer(cells.contains(r.state() + "/" + r.symbol()) ? FakeModels.wrongMove(right) : right, 100, 12));
    }

    static Report<Transitions> bench(Processor p, int samples, int concurrency) throws Exception {
        return new Bench(p, new Bench.Settings(samples, concurrency), MODEL).run(Transitions.of(U152, ParseMode.STRICT), Bench.Listener.NONE);
    }

    @Test
    void theReferenceBackendScoresEveryPromptFully() throws Exception {
        Report<Transitions> r = bench(new ReferenceProcessor(U152), 3, 2);
        assertEquals(29, r.scores().size());
        assertEquals(87, r.calls());
        assertEquals(87, r.correct());
        assertTrue(r.allPassed());
        assertEquals(1.0, r.accuracy());
        for (String state : U152.machine().states()) {
            for (String symbol : List.of("0", "1")) assertEquals(1.0, Transitions.score(r, state, symbol).accuracy(), state + "/" + symbol);
        }
        assertFalse(r.tokens().known(), "the reference backend reports no tokens");
    }

    @Test
    void aModelWrongOnTwoTransitionsFailsExactlyThoseAndCountsTokens() throws Exception {
        Report<Transitions> r = bench(wrongOn(Set.of("G/0", "N/1")), 2, 3);
        assertEquals(List.of("G/0", "N/1"), r.failing().stream().map(Score::name).toList());
        assertEquals(0.0, Transitions.score(r, "G", "0").accuracy());
        assertEquals(1.0, Transitions.score(r, "G", "1").accuracy());
        assertEquals(54, r.correct());
        Score g0 = Transitions.score(r, "G", "0");
        assertEquals(1, g0.wrongAnswers().size(), "the same wrong answer twice is one distinct answer");
        assertEquals(2, g0.wrongAnswers().get(0).count());
        assertEquals("expected op=H, write 0, move L; got op=H, write 0, move R", g0.wrongAnswers().get(0).problem());
        assertEquals(new Tokens(58, 5800, 696), r.tokens());
        assertEquals(0, TransitionsJson.of(r).get("cells").get("G").get("0").asDouble());
    }

    @Test
    void callsOverlapUpToTheConcurrencyLimitAndNeverBeyond() throws Exception {
        int limit = 4;
        CountDownLatch firstWave = new CountDownLatch(limit);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ReferenceProcessor reference = new ReferenceProcessor(U152);
        Processor p = new Processor() {
            @Override
            public Answer process(String prompt) throws ModelException {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    firstWave.countDown();
                    // the first calls wait until `limit` of them are in flight at once
                    if (!firstWave.await(10, TimeUnit.SECONDS)) throw new ModelException(ModelException.Kind.TIMEOUT, "calls did not overlap");
                    return reference.process(prompt);
                } catch (InterruptedException e) {
                    throw new ModelException(ModelException.Kind.TIMEOUT, "interrupted");
                } finally {
                    inFlight.decrementAndGet();
                }
            }

            @Override
            public String fingerprint() {
                return "overlap";
            }
        };
        Report<Transitions> r = bench(p, 2, limit);
        assertTrue(r.allPassed());
        assertEquals(limit, most.get());
    }

    @Test
    void aFailedModelCallEndsTheBenchWithItsError() {
        Processor down = new Processor() {
            @Override
            public Answer process(String prompt) throws ModelException {
                throw new ModelException(ModelException.Kind.UNREACHABLE, "nothing listens at http://127.0.0.1:1");
            }

            @Override
            public String fingerprint() {
                return "down";
            }
        };
        ModelException e = assertThrows(ModelException.class, () -> bench(down, 1, 2));
        assertEquals(ModelException.Kind.UNREACHABLE, e.kind());
    }
}
