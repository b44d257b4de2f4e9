package dev.mnemos.utm.run;

import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.checkpoint.Resume;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.runtime.cycle.RunLimits;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.trace.TraceWriter;
import dev.mnemos.utm.bitag.BiTagCompiler;
import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.bitag.BiTagProgram;
import dev.mnemos.utm.bitag.U152Tape;
import dev.mnemos.utm.image.MemoryImage;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.ReferenceProcessor;
import dev.mnemos.utm.verify.LockstepVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A verified run saved in a checkpoint and restored: the reference goes on where it was, not from the memory. */
class MachineRunResumeTest {

    static final PromptSet U152 = PromptFiles.u152();
    static final BiTagProgram WORKED = BiTagFormat.read(Path.of("..", "samples", "bitag", "worked-example.json"));

    @TempDir
    Path dir;

    /** The reference backend, except that G reading 0 moves right (the public tables' pitfall). */
    static Processor wrongOnG0() {
        ReferenceProcessor right = new ReferenceProcessor(U152);
        String g0 = U152.prompt("G", "0");
        return new Processor() {
            @Override
            public Answer process(String prompt) throws ModelException {
                return prompt.equals(g0) ? Answer.of("\" op=\"%[H]\" %[i]=\"0\" i+=1 \"") : right.process(prompt);
            }

            @Override
            public String fingerprint() {
                return "wrong-on-G0";
            }
        };
    }

    static Memory worked() {
        U152Tape t = BiTagCompiler.compile(WORKED);
        return MemoryImage.of(U152, t.tape(), t.head());
    }

    @Test
    void aRunStoppedOnAMismatchIsRestoredAsStoppedAndGoesOnOnlyFromTheReferenceConfiguration() throws IOException {
        Path trace = dir.resolve("run.jsonl");
        CheckpointStore store = new CheckpointStore(dir.resolve("c.json"));
        MachineRun run = new MachineRun(U152, worked(), true, false, WORKED.system());
        run.attachTo(store);
        Summary first;
        try (TraceWriter t = TraceWriter.create(trace, false)) {
            first = run.run(Machine.builder().processor(wrongOnG0()).trace(t).checkpoints(store, Duration.ofHours(1)), Progress.START);
        }
        assertEquals("stopped", first.status());
        long step = first.firstMismatchStep();

        MachineRun[] restored = new MachineRun[1];
        Resume resume = Resume.from(store, trace, (checkpoint, m) -> {
            restored[0] = MachineRun.restore(U152, m, checkpoint, store.file(), true, WORKED);
            return restored[0]::replayed;
        });
        LockstepVerifier v = restored[0].verifier();
        assertTrue(v.stoppedOnMismatch());
        assertEquals(step, v.stoppedAt());
        assertEquals(1, v.mismatchCount());
        assertNotEquals(v.lockstep().head(), MemoryImage.head(resume.memory()), "the memory holds the wrong move");

        v.resynchroniseMemory();
        assertEquals(v.lockstep().head(), MemoryImage.head(resume.memory()));
        Summary rest = restored[0].run(Machine.builder().processor(new ReferenceProcessor(U152)), resume.progress());
        assertTrue(rest.halted());
        assertEquals(1, rest.mismatches(), "the mismatch stays counted");
        assertEquals(step, rest.firstMismatchStep());
        assertEquals("e2 a1", rest.finalWord());
        assertEquals(List.of("e1 a1", "a1 e2", "e2 a1"), rest.words());
    }

    @Test
    void aCheckpointOfAnUnverifiedRunCannotBeResumedVerified() throws IOException {
        CheckpointStore store = new CheckpointStore(dir.resolve("c.json"));
        new MachineRun(U152, worked(), false, false, null)
                .run(Machine.builder().processor(new ReferenceProcessor(U152)).limits(RunLimits.NONE.withMaxSteps(10))
                        .checkpoints(store, Duration.ofHours(1)), Progress.START);
        IOException e = assertThrows(IOException.class, () -> Resume.from(store, null,
                (checkpoint, m) -> MachineRun.restore(U152, m, checkpoint, store.file(), true, null)::replayed));
        assertTrue(e.getMessage().startsWith(store.file() + ": holds no reference configuration"), e.getMessage());
    }
}
