package dev.mnemos.runtime.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnemos.runtime.cycle.CountdownProcessor;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.RunLimits;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.memory.MemoryFile;
import dev.mnemos.runtime.memory.MemoryFileException;
import dev.mnemos.runtime.trace.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ResumeTest {

    @TempDir
    Path dir;

    private static Memory countdown(long n) throws Exception {
        Memory m = MemoryFile.load(Path.of("..", "samples", "programs", "countdown.json"));
        m.put("n", n);
        return m;
    }

    private RunResult runUntil(Memory memory, dev.mnemos.runtime.cycle.Progress start, long maxSteps, Path trace, Path checkpoint) throws Exception {
        try (TraceWriter t = start.cycles() == 0 ? TraceWriter.create(trace, false) : TraceWriter.append(trace, start.tracePosition(), false)) {
            Machine m = Machine.builder().processor(new CountdownProcessor()).trace(t)
                    .checkpoints(new CheckpointStore(checkpoint), Duration.ofHours(1))
                    .limits(RunLimits.NONE.withMaxSteps(maxSteps)).build();
            return m.run(memory, start);
        }
    }

    @Test
    void aRunKilledBetweenCheckpointsResumesFromItsLastCompletedCycle() throws Exception {
        Memory uninterrupted = countdown(50);
        Machine.builder().processor(new CountdownProcessor()).build().run(uninterrupted);

        Path trace = dir.resolve("run.jsonl");
        Path checkpoint = dir.resolve("run.ckpt");
        Path early = dir.resolve("early.ckpt");
        runUntil(countdown(50), dev.mnemos.runtime.cycle.Progress.START, 10, trace, checkpoint);
        Files.copy(checkpoint, early);
        Resume at10 = Resume.from(new CheckpointStore(checkpoint), trace);
        assertEquals(10, at10.progress().cycles());
        runUntil(at10.memory(), at10.progress(), 25, trace, checkpoint);

        // the crash: the last checkpoint on disk is the one of cycle 10, and the trace ends in half a line
        Files.copy(early, checkpoint, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(trace, "{\"step\":25,\"state\":\"A\",\"changes\":{\"n\":2", StandardOpenOption.APPEND);

        Resume resume = Resume.from(new CheckpointStore(checkpoint), trace);
        assertEquals(25, resume.progress().cycles(), "the trace brought the checkpoint of cycle 10 up to cycle 25");
        assertEquals(25L, resume.memory().get("n"));
        RunResult end = runUntil(resume.memory(), resume.progress(), Long.MAX_VALUE, trace, checkpoint);

        assertEquals(RunResult.Status.HALTED, end.status());
        assertEquals(51, end.cycles());
        assertEquals(uninterrupted, resume.memory(), "same final memory as the run that was never interrupted");
        List<String> lines = Files.readAllLines(trace);
        assertEquals(51, lines.size());
        ObjectMapper json = new ObjectMapper();
        for (int k = 0; k < lines.size(); k++) {
            assertEquals(k, json.readTree(lines.get(k)).get("step").asLong(), "trace line " + (k + 1));
        }
        assertEquals(51, new CheckpointStore(checkpoint).load().progress().cycles());
    }

    @Test
    void aCheckpointRoundTripsItsCountersAndMemory() throws Exception {
        Memory m = countdown(3);
        Path f = dir.resolve("c.ckpt");
        CheckpointStore store = new CheckpointStore(f);
        store.save(new Checkpoint(new dev.mnemos.runtime.cycle.Progress(7, 9, 2, 1234), m.snapshot()));
        Checkpoint back = store.load();
        assertEquals(new dev.mnemos.runtime.cycle.Progress(7, 9, 2, 1234), back.progress());
        assertEquals(m.snapshot(), back.memory());
    }

    @Test
    void aForeignFileIsNotTakenForACheckpoint() throws Exception {
        Path f = dir.resolve("program.json");
        MemoryFile.save(countdown(3), f);
        MemoryFileException e = assertThrows(MemoryFileException.class, () -> new CheckpointStore(f).load());
        assertTrue(e.getMessage().contains("not a mnemos checkpoint"), e.getMessage());
    }

    @Test
    void aTraceWhoseChangesNameABadLabelIsRefusedNamingTheTraceAndLine() throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Path checkpoint = dir.resolve("run.ckpt");
        runUntil(countdown(5), dev.mnemos.runtime.cycle.Progress.START, 2, trace, checkpoint);
        Files.writeString(trace, "{\"step\":2,\"changes\":{\"cell 7\":\"1\"}}\n", StandardOpenOption.APPEND);
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> Resume.from(new CheckpointStore(checkpoint), trace));
        assertEquals(trace + ":" + Files.readAllLines(trace).size() + ": label 'cell 7' is not in the label alphabet [A-Za-z0-9_-]+", e.getMessage());
    }

    @Test
    void aTraceOfAnotherRunIsNotReplayedOntoTheCheckpoint() throws Exception {
        Path checkpoint = dir.resolve("run.ckpt");
        new CheckpointStore(checkpoint).save(new Checkpoint(new dev.mnemos.runtime.cycle.Progress(3, 3, 0, 24), countdown(47).snapshot()));
        Path other = dir.resolve("other.jsonl"); // a fresh run's trace where this run's trace was
        String line0 = "{\"step\":0,\"changes\":{}}\n";
        assertEquals(24, line0.length());
        Files.writeString(other, line0 + "{\"step\":1,\"changes\":{\"n\":7}}\n");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> Resume.from(new CheckpointStore(checkpoint), other));
        assertEquals(other + ":2: step 1, where the checkpoint (3 cycles) expects step 3: "
                + "not the trace this checkpoint was written with", e.getMessage());
    }
}
