package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.checkpoint.Checkpoint;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.checkpoint.Resume;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.trace.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A write may not make a value longer than the bound; whatever we write, our readers read back. */
class WriteLimitTest {

    private final InstructionParser parser = new InstructionParser(ParseMode.STRICT);

    static Processor answering(String answer) {
        return new Processor() {
            @Override
            public Answer process(String prompt) {
                return Answer.of(answer);
            }

            @Override
            public String fingerprint() {
                return "fixed";
            }
        };
    }

    @Test
    void aWritePastTheBoundFailsAndChangesNothing() throws Exception {
        Memory m = new Memory();
        m.put("boot", "0123456789");
        m.put("op", "start");

        WriteLimitException e = assertThrows(WriteLimitException.class,
                () -> new Writer(1000).apply(m, parser.parse("x=\"1\" op=\"" + "%[boot]".repeat(150) + "\"")));

        assertEquals("the write of 'op' would make a value of 1,500 characters, past the write bound of 1,000", e.getMessage());
        assertEquals("start", m.read("op"));
        assertNull(m.get("x"), "all or nothing");
    }

    @Test
    void aValueAtTheBoundIsWritten() throws Exception {
        Memory m = new Memory();
        m.put("boot", "0123456789");
        new Writer(1000).apply(m, parser.parse("op=\"" + "%[boot]".repeat(100) + "\""));
        assertEquals(1000, m.read("op").length());
    }

    @Test
    void theIssuesHugeCopyFailsTheCycleCleanly() {
        Memory m = new Memory();
        m.put("boot", "@[x] ".repeat(124)); // 620 characters: 150,000 copies would be 93 MB
        m.put("op", "go");
        String answer = "op=\"" + "%[boot]".repeat(150_000) + "\"";

        RunResult r = Machine.builder().processor(answering(answer)).build().run(m);

        assertEquals(RunResult.Status.FAILED, r.status());
        assertInstanceOf(WriteLimitException.class, r.failure());
        assertEquals("go", m.read("op"));
        assertEquals(0, r.cycles());
    }

    @Test
    void aDoublingWriteStopsAtTheBoundInsteadOfRunningOutOfMemory() {
        Memory m = new Memory();
        m.put("z", "ab");
        m.put("op", "grow");

        RunResult r = Machine.builder().processor(answering("z=\"%[z]%[z]%[z]%[z]\"")).build().run(m);

        assertEquals(RunResult.Status.FAILED, r.status());
        assertInstanceOf(WriteLimitException.class, r.failure());
        assertEquals(Writer.DEFAULT_MAX_VALUE_LENGTH / 2, m.read("z").length(), "2 * 4^9 = 512 Ki: the tenth write would pass 1 MiB");
        assertEquals(9, r.cycles());
    }

    @Test
    void theBoundIsConfigurable() {
        Memory m = new Memory();
        m.put("z", "ab");
        m.put("op", "grow");

        RunResult r = Machine.builder().processor(answering("z=\"%[z]%[z]%[z]%[z]\"")).writer(new Writer(100)).build().run(m);

        assertEquals(2, r.cycles(), "ab -> 8 -> 32 characters; 128 is past 100");
        assertEquals(32, m.read("z").length());
    }

    /** Values past Jackson's default 20 MB string limit: our own files must still read back. */
    @Test
    void checkpointsAndTracesWithHugeValuesReadBack(@TempDir Path dir) throws Exception {
        String huge = "x".repeat(21_000_000);
        Memory m = new Memory();
        m.put("big", huge);
        m.put("op", "copy");
        CheckpointStore store = new CheckpointStore(dir.resolve("c.json"));
        store.save(new Checkpoint(Progress.START, m.snapshot()));
        Path trace = dir.resolve("t.jsonl");
        try (TraceWriter t = TraceWriter.create(trace, false)) {
            Machine.builder().processor(answering("op=\"halt\" copy=\"%[big]\"")).writer(new Writer(Integer.MAX_VALUE)).trace(t).build().run(m);
        }

        Resume resumed = Resume.from(store, trace);

        assertEquals(huge, resumed.memory().read("copy"));
        assertEquals(1, resumed.progress().cycles());
    }
}
