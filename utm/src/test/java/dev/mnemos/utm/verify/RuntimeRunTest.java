package dev.mnemos.utm.verify;

import dev.mnemos.runtime.cache.PromptCache;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bitag.BiTagCompiler;
import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.bitag.U152Tape;
import dev.mnemos.utm.bitag.Word;
import dev.mnemos.utm.bitag.WordWatcher;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.machine.MachineFormat;
import dev.mnemos.utm.prompt.PromptCompiler;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.ReferenceProcessor;
import dev.mnemos.utm.sim.Tape;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** U15,2 and other machines through the string-memory runtime, checked in lockstep. */
class RuntimeRunTest {

    static final PromptSet U152 = PromptFiles.u152();
    static final BiTagProgram WORKED = BiTagFormat.read(Path.of("..", "samples", "bitag", "worked-example.json"));

    static Memory workedMemory() {
        U152Tape t = BiTagCompiler.compile(WORKED);
        return MemoryImage.of(U152, t.tape(), t.head());
    }

    @Test
    void workedExampleHaltsAtCellZeroAfter11849StepsThroughTheRuntime() {
        Memory memory = workedMemory();
        LockstepVerifier verifier = new LockstepVerifier(U152, memory, false);
        WordWatcher words = new WordWatcher(WORKED.system(), U152, memory);
        RunResult r = Machine.builder().processor(new ReferenceProcessor(U152)).listener(verifier).listener(words).build().run(memory);
        assertTrue(r.halted(), r.toString());
        assertEquals(11_850, r.cycles(), "11,849 steps and the halt cycle");
        assertEquals(11_850, r.modelCalls());
        assertEquals(0L, memory.get("i"));
        assertEquals("halt", memory.read("op"));
        assertEquals(0, verifier.mismatchCount());
        assertEquals(11_850, verifier.checked());
        assertTrue(verifier.lockstep().halted());
        assertEquals(List.of("e1 a1", "a1 e2", "e2 a1"), words.words().stream().map(Word::toString).toList());
    }

    @Test
    void withThePromptCacheARunCostsAtMost29ModelCalls() {
        Memory memory = workedMemory();
        RunResult r = Machine.builder().processor(new ReferenceProcessor(U152)).cache(PromptCache.inMemory()).build().run(memory);
        assertTrue(r.halted());
        assertTrue(r.modelCalls() <= 29, r.modelCalls() + " calls");
        assertEquals(11_850 - r.modelCalls(), r.cacheHits());
    }

    @Test
    void aWrongAnswerStopsTheRunWithAReport() {
        Memory memory = workedMemory();
        LockstepVerifier verifier = new LockstepVerifier(U152, memory, false);
        Processor faulty = new WrongAt(new ReferenceProcessor(U152), 500, "\" op=\"%[C]\" %[i]=\"1\" i+=1 \"");
        RunResult r = Machine.builder().processor(faulty).listener(verifier).build().run(memory);
        assertEquals(RunResult.Status.STOPPED, r.status());
        assertEquals(501, r.cycles());
        assertEquals(1, verifier.mismatchCount());
        Mismatch m = verifier.mismatches().get(0);
        assertEquals(500, m.step());
        assertEquals("\" op=\"%[C]\" %[i]=\"1\" i+=1 \"", m.raw());
        assertEquals("C", m.actual().next());
        assertTrue(r.stopReason().startsWith("verification: step 500: state " + m.state() + " reading " + m.symbol()), r.stopReason());
        assertTrue(r.stopReason().contains("expected op=" + m.expected().next()), r.stopReason());
        assertEquals(16, m.promptHash().length());
    }

    @Test
    void continueOnMismatchResynchronisesAndCounts() {
        Memory memory = workedMemory();
        LockstepVerifier verifier = new LockstepVerifier(U152, memory, true);
        WordWatcher words = new WordWatcher(WORKED.system(), U152, memory);
        // at 300 the answer writes a stray label and moves the wrong way; at 7000 it halts early
        Processor faulty = new WrongAt(new WrongAt(new ReferenceProcessor(U152), 300, "\" op=\"%[A]\" %[i]=\"1\" x=\"oops\" i-=1 \""),
                7000, "\" op=\"halt\" \"");
        RunResult r = Machine.builder().processor(faulty).listener(verifier).listener(words).build().run(memory);
        assertTrue(r.halted());
        assertEquals(11_850, r.cycles());
        assertEquals(2, verifier.mismatchCount());
        assertEquals(300L, verifier.firstMismatchStep());
        assertEquals("oops", verifier.mismatches().get(0).actual().others().get("x"));
        assertEquals("halt", verifier.mismatches().get(1).actual().next());
        assertNull(memory.get("x"), "the stray write was undone");
        assertEquals(0L, memory.get("i"));
        assertEquals("e2 a1", words.lastWord().toString());
    }

    @Test
    void binaryIncrementRunsInMemoryWithThreeSymbols() {
        PromptSet prompts = PromptCompiler.compile(MachineFormat.read(Path.of("..", "samples", "machines", "binary-increment.json")));
        Memory memory = MemoryImage.of(prompts, Tape.parse("1011", prompts.machine()), 0);
        LockstepVerifier verifier = new LockstepVerifier(prompts, memory, false);
        RunResult r = Machine.builder().processor(new ReferenceProcessor(prompts)).listener(verifier).build().run(memory);
        assertTrue(r.halted());
        assertEquals(9, r.cycles());
        assertEquals(0, verifier.mismatchCount());
        assertEquals("1100", MemoryImage.tape(memory, prompts.machine()).trim("_").text());
    }

    @Test
    void aStrayWriteFarFromTheTapeIsSummedUpWithoutLayingOutTheCellsBetween() {
        PromptSet prompts = PromptCompiler.compile(MachineFormat.read(Path.of("..", "samples", "machines", "binary-increment.json")));
        Memory memory = MemoryImage.of(prompts, Tape.parse("1011", prompts.machine()), 0);
        Processor strayWriter = new Processor() {
            @Override
            public Answer process(String prompt) {
                return Answer.of("op=\"halt\" 1000000000000=\"1\"");
            }

            @Override
            public String fingerprint() {
                return "stray";
            }
        };
        dev.mnemos.utm.run.Summary s = new dev.mnemos.utm.run.MachineRun(prompts, memory, false, false, null)
                .run(Machine.builder().processor(strayWriter), dev.mnemos.runtime.cycle.Progress.START);
        assertTrue(s.halted());
        assertNull(s.finalTape(), "cells 0 to 10^12 are not laid out as one tape");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MemoryImage.tape(memory, prompts.machine()));
        assertEquals("the tape's 5 cells are spread over cells 0 to 1000000000000, too sparse to lay out as one tape", e.getMessage());
    }

    /** Answers like its delegate, except for one cycle. */
    static final class WrongAt implements Processor {
        private final Processor delegate;
        private final long at;
        private final String answer;
        private long calls;

        WrongAt(Processor delegate, long at, String answer) {
            this.delegate = delegate;
            this.at = at;
            this.answer = answer;
        }

        @Override
        public Answer process(String prompt) throws ModelException {
            Answer right = delegate.process(prompt);
            return calls++ == at ? Answer.of(answer) : right;
        }

        @Override
        public String fingerprint() {
            return "wrong-at-" + at;
        }
    }
}
