package dev.mnemos.utm.verify;

import dev.mnemos.runtime.cache.PromptCache;
import dev.mnemos.runtime.cycle.CycleEvent;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.RunLimits;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.reference.ReferenceProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.mnemos.utm.verify.RuntimeRunTest.U152;
import static dev.mnemos.utm.verify.RuntimeRunTest.workedMemory;
import static org.junit.jupiter.api.Assertions.*;

/** An answer the verifier finds wrong never stays in the prompt cache; a later correct run heals it. */
class CacheHealingTest {

    static final String WRONG = "\" op=\"%[C]\" %[i]=\"1\" stray=\"1\" i+=1 \""; // never right: no transition writes "stray"

    @TempDir
    Path dir;

    /** The reference machine's answers, except on its {@code at}-th call; same fingerprint, so it shares a cache. */
    static Processor wrongOnCall(int at) {
        ReferenceProcessor right = new ReferenceProcessor(U152);
        return new Processor() {
            int calls;

            @Override
            public Answer process(String prompt) throws ModelException {
                Answer answer = right.process(prompt);
                return calls++ == at ? Answer.of(WRONG) : answer;
            }

            @Override
            public String fingerprint() {
                return right.fingerprint();
            }
        };
    }

    /** Prompts that were answered wrong. */
    final List<String> answeredWrong = new ArrayList<>();

    RunResult run(Processor processor, PromptCache cache, boolean continueOnMismatch, LockstepVerifier[] verifier) {
        Memory memory = workedMemory();
        verifier[0] = new LockstepVerifier(U152, memory, continueOnMismatch);
        return Machine.builder().processor(processor).cache(cache)
                .listener(e -> { if (e.answer().text().equals(WRONG)) answeredWrong.add(e.prompt()); })
                .listener(verifier[0]).build().run(memory);
    }

    void assertNotCached(Path file) throws Exception {
        assertFalse(answeredWrong.isEmpty());
        try (PromptCache cache = PromptCache.open(file)) {
            for (String prompt : answeredWrong) assertNotEquals(WRONG, cache.get(new ReferenceProcessor(U152).fingerprint(), prompt));
        }
    }

    @Test
    void aWrongAnswerIsNotStoredWhetherTheRunStopsOrGoesOn() throws Exception {
        Path file = dir.resolve("u152.cache");
        LockstepVerifier[] verifier = new LockstepVerifier[1];
        try (PromptCache cache = PromptCache.open(file)) {
            assertEquals(RunResult.Status.STOPPED, run(wrongOnCall(5), cache, false, verifier).status());
        }
        assertNotCached(file);
        try (PromptCache cache = PromptCache.open(file)) {
            RunResult r = run(wrongOnCall(5), cache, true, verifier);
            assertTrue(r.halted());
            assertEquals(1, verifier[0].mismatchCount());
        }
        assertNotCached(file);

        try (PromptCache cache = PromptCache.open(file)) {
            RunResult clean = run(new ReferenceProcessor(U152), cache, false, verifier);
            assertTrue(clean.halted());
            assertEquals(0, verifier[0].mismatchCount());
        }
    }

    @Test
    void aCacheThatHoldsAWrongAnswerIsHealedByTheNextCorrectRun() throws Exception {
        Path file = dir.resolve("u152.cache");
        List<String> prompts = new ArrayList<>();
        Memory memory = workedMemory();
        Machine.builder().processor(new ReferenceProcessor(U152)).limits(RunLimits.NONE.withMaxSteps(3))
                .listener((CycleEvent e) -> prompts.add(e.prompt())).build().run(memory);
        try (PromptCache cache = PromptCache.open(file)) { // as an older version left it
            cache.put(new ReferenceProcessor(U152).fingerprint(), prompts.get(2), WRONG);
        }

        LockstepVerifier[] verifier = new LockstepVerifier[1];
        try (PromptCache cache = PromptCache.open(file)) {
            RunResult r = run(new ReferenceProcessor(U152), cache, true, verifier);
            assertTrue(r.halted());
            assertEquals(1, verifier[0].mismatchCount(), "the cached wrong answer, found once and forgotten");
        }
        try (PromptCache cache = PromptCache.open(file)) {
            RunResult healed = run(new ReferenceProcessor(U152), cache, false, verifier);
            assertTrue(healed.halted());
            assertEquals(0, verifier[0].mismatchCount());
            assertEquals(0, healed.modelCalls(), "every right answer is cached now");
        }
    }
}
