package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.cache.PromptCache;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.RetryingProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.mnemos.runtime.cycle.MachineTest.countdown;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The cycle's pipeline around the processor: requests counted, the cache kept honest (the retry
 * policy against a real HTTP client: the http module's {@code RetryPipelineTest}).
 */
class PipelineTest {

    @TempDir
    Path dir;

    @Test
    void theCallLimitBeforeACycleEndsTheRunAtTheLimit() throws Exception {
        CountdownProcessor model = new CountdownProcessor();
        RunResult r = Machine.builder().processor(model).limits(RunLimits.NONE.withMaxModelCalls(2)).build().run(countdown(5));
        assertEquals(RunResult.Status.CALL_LIMIT, r.status());
        assertEquals(2, r.cycles());
        assertEquals(2, model.calls);
    }

    @Test
    void anAnswerAListenerRejectsIsNeverCachedAndTheRunGoesOn() throws Exception {
        PromptCache cache = PromptCache.inMemory();
        RunResult r = Machine.builder().processor(new CountdownProcessor()).cache(cache)
                .listener(e -> { if (e.step() == 1) e.reject("wrong"); }).build().run(countdown(3));
        assertEquals(RunResult.Status.HALTED, r.status());
        assertEquals(3, cache.size(), "four cycles, one answer rejected");
    }

    @Test
    void anAnswerThatStopsTheRunIsNotCached() throws Exception {
        PromptCache cache = PromptCache.inMemory();
        RunResult r = Machine.builder().processor(new CountdownProcessor()).cache(cache)
                .listener(e -> { if (e.step() == 1) throw new StopRunException("mismatch"); }).build().run(countdown(3));
        assertEquals(RunResult.Status.STOPPED, r.status());
        assertEquals(1, cache.size());
    }

    @Test
    void aCachedAnswerFoundWrongIsForgottenInTheFileSoTheNextRunAsksTheModel() throws Exception {
        Path file = dir.resolve("cache.jsonl");
        CountdownProcessor wrong = new CountdownProcessor().thenAnswer(" \" n-=2 op=\"%[A]\" \"");
        try (PromptCache cache = PromptCache.open(file)) { // an old cache that stored a wrong answer
            Machine.builder().processor(wrong).cache(cache).limits(RunLimits.NONE.withMaxSteps(1)).build().run(countdown(4));
            assertEquals(1, cache.size());
        }
        try (PromptCache cache = PromptCache.open(file)) {
            Machine.builder().processor(new CountdownProcessor()).cache(cache)
                    .listener(e -> { if (e.answer().text().contains("n-=2")) e.reject("a step of 2"); })
                    .limits(RunLimits.NONE.withMaxSteps(1)).build().run(countdown(4));
            assertEquals(0, cache.size());
        }
        CountdownProcessor right = new CountdownProcessor();
        try (PromptCache cache = PromptCache.open(file)) {
            RunResult healed = Machine.builder().processor(right).cache(cache).build().run(countdown(4));
            assertEquals(RunResult.Status.HALTED, healed.status());
            assertEquals(5, right.calls, "the wrong answer is gone: the model was asked");
        }
        Memory four = countdown(4);
        String firstPrompt = new Reader().read(four, four.read("op"));
        try (PromptCache cache = PromptCache.open(file)) {
            assertEquals(5, cache.size());
            assertEquals(" \" n-=1 op=\"%[A]\" \"", cache.get("countdown", firstPrompt), "healed");
        }
        assertEquals(1, Files.readAllLines(file).stream().filter(l -> l.endsWith("\"answer\":null}")).count(), "one removal line");
    }
}
