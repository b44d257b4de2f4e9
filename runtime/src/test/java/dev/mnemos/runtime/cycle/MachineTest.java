package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.cache.PromptCache;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.memory.MemoryFile;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.RetryingProcessor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MachineTest {

    static Memory countdown(long n) throws Exception {
        Memory m = MemoryFile.load(Path.of("..", "samples", "programs", "countdown.json"));
        m.put("n", n);
        return m;
    }

    @Test
    void theCountdownProgramHaltsWithNAtZero() throws Exception {
        Memory m = countdown(3);
        CountdownProcessor model = new CountdownProcessor();
        RunResult r = Machine.builder().processor(model).build().run(m);
        assertEquals(RunResult.Status.HALTED, r.status());
        assertEquals(4, r.cycles(), "three decrements and the halt");
        assertEquals(4, model.calls);
        assertEquals(0L, m.get("n"));
        assertEquals("halt", m.read("op"));
    }

    @Test
    void everyCycleReachesTheListenersInOrder() throws Exception {
        List<CycleEvent> events = new ArrayList<>();
        Machine.builder().processor(new CountdownProcessor()).listener(events::add).build().run(countdown(2));
        assertEquals(3, events.size());
        CycleEvent first = events.get(0);
        assertEquals(0, first.step());
        assertEquals("A", first.state());
        assertTrue(first.prompt().endsWith("n = 2\nif 2==0 then result = \" op=\"halt\" \"\nelse result = \" n-=1 op=\"%[A]\" \"\n$result\n"));
        assertEquals(2, first.changes().size());
        assertEquals("n", first.changes().get(0).label());
        assertEquals(2L, first.changes().get(0).before());
        assertEquals(1L, first.changes().get(0).after());
        assertFalse(first.cacheHit());
        assertEquals(1, first.attempts());
        assertEquals(2, events.get(2).step());
    }

    @Test
    void limitsEndTheRunWithoutHalting() throws Exception {
        Memory m = countdown(10);
        RunResult r = Machine.builder().processor(new CountdownProcessor()).limits(RunLimits.NONE.withMaxSteps(4)).build().run(m);
        assertEquals(RunResult.Status.STEP_LIMIT, r.status());
        assertEquals(4, r.cycles());
        assertEquals(6L, m.get("n"));

        CountdownProcessor model = new CountdownProcessor();
        r = Machine.builder().processor(model).limits(RunLimits.NONE.withMaxModelCalls(2)).build().run(countdown(10));
        assertEquals(RunResult.Status.CALL_LIMIT, r.status());
        assertEquals(2, model.calls);

        r = Machine.builder().processor(new CountdownProcessor()).limits(RunLimits.NONE.withMaxWall(Duration.ZERO)).build().run(countdown(10));
        assertEquals(RunResult.Status.TIME_LIMIT, r.status());
        assertEquals(0, r.cycles());
    }

    @Test
    void aWallTimeLimitTooLongToCountInNanosecondsNeverEndsTheRun() throws Exception {
        Duration aThousandYears = Duration.ofDays(365_250);
        RunResult r = Machine.builder().processor(new CountdownProcessor()).limits(RunLimits.NONE.withMaxWall(aThousandYears)).build().run(countdown(3));
        assertEquals(RunResult.Status.HALTED, r.status());
    }

    @Test
    void outputThatDoesNotParseStopsTheRunAndChangesNothing() throws Exception {
        Memory m = countdown(3);
        CountdownProcessor model = new CountdownProcessor();
        Machine.builder().processor(model).build().run(m); // warm: the right run
        Memory fresh = countdown(3);
        CountdownProcessor prose = new CountdownProcessor().thenAnswer("I think n should go down by one.");
        Memory.Snapshot before = fresh.snapshot();
        RunResult r = Machine.builder().processor(prose).build().run(fresh);
        assertEquals(RunResult.Status.FAILED, r.status());
        assertInstanceOf(ParseException.class, r.failure());
        assertTrue(r.failure().getMessage().contains("I think n should go down by one."));
        assertEquals(before, fresh.snapshot());
        assertEquals(0, r.cycles());
    }

    @Test
    void anAnswerThatDoesNotParseIsAskedForAgainAndAServerErrorRetriedByTheProcessor() throws Exception {
        Memory m = countdown(2);
        CountdownProcessor model = new CountdownProcessor()
                .thenAnswer("garbage")
                .thenFail(new ModelException(ModelException.Kind.SERVER_ERROR, "HTTP 500"));
        RunResult r = Machine.builder().processor(new RetryingProcessor(model, 1, Duration.ZERO)).retries(1).build().run(m);
        assertEquals(RunResult.Status.HALTED, r.status());
        assertEquals(5, model.calls, "garbage, asked again: a 500, retried: good; then two good cycles");
        assertEquals(5, r.modelCalls(), "every request counts");
    }

    @Test
    void aModelErrorThatRetriesCannotFixIsNotRetried() throws Exception {
        CountdownProcessor model = new CountdownProcessor()
                .thenFail(new ModelException(ModelException.Kind.MODEL_NOT_FOUND, "model 'x' not found"));
        RunResult r = Machine.builder().processor(model).retries(3).build().run(countdown(2));
        assertEquals(RunResult.Status.FAILED, r.status());
        assertEquals(1, model.calls);
        assertEquals(ModelException.Kind.MODEL_NOT_FOUND, ((ModelException) r.failure()).kind());
    }

    @Test
    void theCacheAnswersRepeatedPromptsAndStoresOnlyAnswersThatParse() throws Exception {
        PromptCache cache = PromptCache.inMemory();
        CountdownProcessor model = new CountdownProcessor().thenAnswer("not an instruction");
        Machine machine = Machine.builder().processor(model).cache(cache).retries(1).build();
        RunResult first = machine.run(countdown(3));
        assertEquals(RunResult.Status.HALTED, first.status());
        assertEquals(5, model.calls);
        assertEquals(4, cache.size(), "the answer that did not parse was not stored");

        RunResult second = machine.run(countdown(3));
        assertEquals(RunResult.Status.HALTED, second.status());
        assertEquals(5, model.calls, "no further calls: every prompt was answered before");
        assertEquals(4, second.cacheHits());
        assertEquals(0, second.modelCalls());
    }

    @Test
    void aCachedAnswerThatDoesNotParseIsAskedOfTheModelEvenWithoutRetriesAndForgotten() throws Exception {
        PromptCache cache = PromptCache.inMemory();
        Memory m = countdown(1);
        cache.put("countdown", new Reader().read(m, m.read("op")), "not an instruction");
        CountdownProcessor model = new CountdownProcessor();

        RunResult r = Machine.builder().processor(model).cache(cache).build().run(m);

        assertEquals(RunResult.Status.HALTED, r.status());
        assertEquals(2, model.calls, "the first prompt asked of the model, then the halt");
        assertEquals(2, cache.size());
        assertEquals(0, r.cacheHits());
    }

    @Test
    void aListenerCanStopTheRunAfterACycle() throws Exception {
        Memory m = countdown(5);
        RunResult r = Machine.builder().processor(new CountdownProcessor()).listener(e -> {
            if (e.step() == 1) throw new StopRunException("seen enough");
        }).build().run(m);
        assertEquals(RunResult.Status.STOPPED, r.status());
        assertEquals("seen enough", r.stopReason());
        assertEquals(2, r.cycles());
        assertEquals(3L, m.get("n"), "the cycle the listener saw stays done");
    }

    @Test
    void requestStopEndsTheRunAsInterrupted() throws Exception {
        Memory m = countdown(1000);
        Machine[] machine = new Machine[1];
        machine[0] = Machine.builder().processor(new CountdownProcessor()).listener(e -> {
            if (e.step() == 9) machine[0].requestStop();
        }).build();
        RunResult r = machine[0].run(m);
        assertEquals(RunResult.Status.INTERRUPTED, r.status());
        assertEquals(10, r.cycles());
        assertEquals(990L, m.get("n"));
    }

    @Test
    void aStopRequestedBeforeTheRunStartsIsNotLost() throws Exception {
        Machine machine = Machine.builder().processor(new CountdownProcessor()).build();
        machine.requestStop(); // Ctrl-C between the hook's registration and run()
        RunResult r = machine.run(countdown(5));
        assertEquals(RunResult.Status.INTERRUPTED, r.status());
        assertEquals(0, r.cycles());
        assertEquals(RunResult.Status.HALTED, machine.run(countdown(5)).status(), "the request ended that run only");
    }

    @Test
    void aRunawayReferenceFailsTheCycle() throws Exception {
        Memory m = new Memory();
        m.put("op", "@[x]");
        m.put("x", "@[x]");
        RunResult r = Machine.builder().processor(new CountdownProcessor()).reader(new Reader(8, 1000)).build().run(m);
        assertEquals(RunResult.Status.FAILED, r.status());
        assertInstanceOf(SubstitutionException.class, r.failure());
    }
}
