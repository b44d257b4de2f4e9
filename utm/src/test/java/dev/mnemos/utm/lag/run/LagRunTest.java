package dev.mnemos.utm.lag.run;

import dev.mnemos.runtime.cache.PromptCache;
import dev.mnemos.runtime.checkpoint.Checkpoint;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.runtime.cycle.RunLimits;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.lag.BiTagLag;
import dev.mnemos.utm.lag.LagInterpreter;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.Synthetic;
import dev.mnemos.utm.lag.check.Dictionary;
import dev.mnemos.utm.lag.check.LagReferenceProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lag systems run on the string-memory runtime with a (stand-in) model as the rule table. */
class LagRunTest {

    static final BiTagProgram SPEC = BiTagFormat.read(Path.of("..", "samples", "bitag", "spec-example.json"));
    static final BiTagLag COMPILED = BiTagLag.compile(SPEC.system(), "spec-example");

    /** A model that answers every lookup right, counting its calls. */
    static Processor counting(LagSystem system, AtomicInteger calls) {
        LagReferenceProcessor right = new LagReferenceProcessor(system);
        return new Processor() {
            @Override
            public Answer process(String prompt) {
                calls.incrementAndGet();
                return new Answer(right.process(prompt).text(), 300, 2);
            }

            @Override
            public String fingerprint() {
                return "counting";
            }
        };
    }

    @Test
    void aCompiledBiTagProgramRunsToItsHaltVerifiedWithOneModelCallPerRuleUsed() {
        LagSystem lag = COMPILED.lag();
        int[] queue = COMPILED.encode(SPEC.word());
        LagInterpreter reference = new LagInterpreter(lag, queue);
        reference.run(1_000_000);
        Memory memory = LagImage.of(Dictionary.of(lag, 0L), queue);
        AtomicInteger calls = new AtomicInteger();
        LagRun.Summary s = new LagRun(lag, memory, counting(lag, calls), true)
                .run(Machine.builder().cache(PromptCache.inMemory()), Progress.START);
        assertTrue(s.halted(), s.toString());
        assertNull(s.error());
        assertEquals("no rule", s.haltReason());
        assertEquals(reference.steps(), s.steps());
        assertEquals(s.steps() + 1, s.cycles());
        assertEquals(lag.join(reference.queue()), s.queue());
        assertEquals(SPEC.system().trajectory(SPEC.word(), 1_000).get(SPEC.system().trajectory(SPEC.word(), 1_000).size() - 1).toString(),
                COMPILED.decode(LagImage.queue(memory, lag)).toString());
        assertTrue(calls.get() <= lag.ruleCount(), calls + " calls for " + lag.ruleCount() + " rules");
        assertEquals(calls.get(), s.modelCalls());
        assertEquals(s.steps() - calls.get(), s.cacheHits(), "every other lookup came from the cache; the halt needs no call");
    }

    @Test
    void aModelWrongOnOneKeyIsCaughtAtTheFirstStepThatUsesIt() {
        LagSystem lag = Synthetic.dictionary(30, 4);
        int[] queue = Synthetic.queue(lag, 12, 9);
        LagInterpreter reference = new LagInterpreter(lag, queue);
        for (int k = 0; k < 40; k++) reference.step();
        String key = lag.join(new int[] {reference.at(0), reference.at(1)});
        String right = lag.valueText(reference.nextRule());
        LagReferenceProcessor ok = new LagReferenceProcessor(lag);
        String wrong = right.equals("aa") ? "ab" : "aa";
        Processor model = new Processor() {
            @Override
            public Answer process(String prompt) {
                return Answer.of(prompt.endsWith("KEY: " + key + "\nVALUE: ") ? " " + wrong + "\n" : ok.process(prompt).text());
            }

            @Override
            public String fingerprint() {
                return "wrong-on-one";
            }
        };
        LagInterpreter firstUse = new LagInterpreter(lag, queue);
        long step = 0;
        while (!lag.join(new int[] {firstUse.at(0), firstUse.at(1)}).equals(key)) {
            firstUse.step();
            step++;
        }
        LagRun.Summary s = new LagRun(lag, LagImage.of(Dictionary.of(lag, 0L), queue), model, true).run(Machine.builder(), Progress.START);
        assertEquals("stopped", s.status());
        assertEquals(step, s.firstMismatchStep());
        assertEquals("step " + step + ", key '" + key + "': expected '" + right + "', got '" + wrong + "' (raw answer \" " + wrong + "\\n\")", s.error());
    }

    @Test
    void anAnswerThatIsNotAValueFailsTheRunNamingIt() {
        LagSystem lag = Synthetic.dictionary(30, 4);
        Processor prose = new Processor() {
            @Override
            public Answer process(String prompt) {
                return Answer.of("Sure! The value is \" op=\"halt\" \"");
            }

            @Override
            public String fingerprint() {
                return "prose";
            }
        };
        Memory memory = LagImage.of(Dictionary.of(lag, 0L), Synthetic.queue(lag, 5, 1));
        LagRun.Summary s = new LagRun(lag, memory, prose, true).run(Machine.builder(), Progress.START);
        assertEquals("failed", s.status());
        assertEquals("step 0, key '" + lag.join(java.util.Arrays.copyOf(Synthetic.queue(lag, 5, 1), 2)) + "': the model's answer is not a value of the dictionary"
                + " (symbols of " + lag.name() + "): \"Sure! The value is \" op=\"halt\" \"\"", s.error());
        assertEquals(0, s.steps());
        assertEquals(5, s.queueLength(), "nothing the model said was carried out");
    }

    @Test
    void aRunStoppedAtACheckpointResumesVerifiedToTheSameEnd(@TempDir Path dir) throws Exception {
        LagSystem lag = COMPILED.lag();
        int[] queue = COMPILED.encode(SPEC.word());
        Memory whole = LagImage.of(Dictionary.of(lag, 0L), queue);
        LagRun.Summary direct = new LagRun(lag, whole, new LagReferenceProcessor(lag), true).run(Machine.builder(), Progress.START);

        long half = direct.steps() / 2;
        assertTrue(half >= 3, "a run long enough to cut: " + direct.steps());
        CheckpointStore store = new CheckpointStore(dir.resolve("lag.checkpoint.json"));
        Memory first = LagImage.of(Dictionary.of(lag, 0L), queue);
        LagRun.Summary part = new LagRun(lag, first, new LagReferenceProcessor(lag), true)
                .run(Machine.builder().limits(RunLimits.NONE.withMaxSteps(half)).checkpoints(store, Duration.ofHours(1)), Progress.START);
        assertEquals("step_limit", part.status());
        Checkpoint c = store.load();
        assertEquals(half, c.progress().cycles());
        Memory resumed = Memory.of(c.memory());
        LagRun.Summary rest = new LagRun(lag, resumed, new LagReferenceProcessor(lag), true).run(Machine.builder(), c.progress());
        assertTrue(rest.halted(), rest.toString());
        assertEquals(direct.steps(), rest.steps());
        assertEquals(direct.queue(), rest.queue());
        assertNull(rest.error());
    }

    @Test
    void aSystemWhoseValuesAreShorterThanItsKeysRuns() {
        LagSystem lag = dev.mnemos.utm.lag.RuleFormat.parse("aBgJ:vD\ngJvD:aB\nvDaB:gJ\n", "r.txt", 0);
        LagRun.Summary s = new LagRun(lag, LagImage.of(Dictionary.of(lag, 0L), lag.parseQueue("aBgJ", "q")), new LagReferenceProcessor(lag), true)
                .run(Machine.builder().limits(RunLimits.NONE.withMaxSteps(4)), Progress.START);
        assertEquals("step_limit", s.status(), s.toString());
        assertEquals("gJvD", s.queue());
    }

    @Test
    void aQueueOfOneSymbolHaltsAtOnce() {
        LagSystem lag = Synthetic.dictionary(30, 4);
        LagRun.Summary s = new LagRun(lag, LagImage.of(Dictionary.of(lag, 0L), new int[] {2}), new LagReferenceProcessor(lag), true)
                .run(Machine.builder(), Progress.START);
        assertTrue(s.halted());
        assertEquals("fewer than two symbols", s.haltReason());
        assertEquals(0, s.steps());
        assertEquals(0, s.modelCalls());
    }
}
