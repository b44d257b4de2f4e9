package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtmVerifyTest {

    static UtmRunTest.Outcome utmVerify(String... args) {
        return UtmRunTest.capture(UtmVerify::run, args);
    }

    @Test
    void aCleanTraceVerifies(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        assertEquals(0, UtmRunTest.utmRun("--trace", trace.toString()).code());
        UtmRunTest.Outcome o = utmVerify(trace.toString(), "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode s = o.json();
        assertEquals(11_850, s.get("cycles").asLong());
        assertEquals(0, s.get("mismatches").asLong());
        assertTrue(s.get("referenceHalted").asBoolean());
        assertEquals(11_849, s.get("referenceSteps").asLong());
    }

    @Test
    void blankLinesAreNotCountedAsCycles(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        assertEquals(0, UtmRunTest.utmRun("--machine", "../samples/machines/binary-increment.json", "--tape", "1011",
                "--trace", trace.toString()).code());
        long cycles = Files.readAllLines(trace).size();
        Files.writeString(trace, "\n\n", java.nio.file.StandardOpenOption.APPEND);
        UtmRunTest.Outcome o = utmVerify(trace.toString(), "--machine", "../samples/machines/binary-increment.json", "--tape", "1011", "--json");
        assertEquals(0, o.code(), o.err());
        assertEquals(cycles, o.json().get("cycles").asLong());
    }

    /** Binary increment's trace on 1011 with its third line saying cell 2 was written 0 (the run wrote 1). */
    static Path tamperedTrace(Path dir) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        assertEquals(0, UtmRunTest.utmRun("--machine", "../samples/machines/binary-increment.json", "--tape", "1011",
                "--trace", trace.toString()).code());
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        ObjectNode third = (ObjectNode) new ObjectMapper().readTree(lines.get(2));
        ((ObjectNode) third.get("changes")).put("2", "0");
        third.put("raw", "\" op=\"%[right]\" %[i]=\"0\" i+=1 \"");
        lines.set(2, third.toString());
        Files.write(trace, lines);
        return trace;
    }

    @Test
    void aTamperedTraceReportsTheStepAndWhatDiffered(@TempDir Path dir) throws Exception {
        Path trace = tamperedTrace(dir);
        UtmRunTest.Outcome o = utmVerify(trace.toString(), "--machine", "../samples/machines/binary-increment.json", "--tape", "1011");
        assertEquals(11, o.code(), o.err());
        assertTrue(o.out().startsWith("step 2: state right reading 1 (prompt "), o.out());
        assertTrue(o.out().contains("expected op=right, cell 2 = 1, i = 3; got op=right, cell 2 = 0, i = 3; raw output"), o.out());
        assertTrue(o.err().contains("1 mismatch, the first at step 2"), o.err());
    }

    @Test
    void withJsonStandardOutputIsOneObjectAndTheMismatchesAreInIt(@TempDir Path dir) throws Exception {
        Path trace = tamperedTrace(dir);
        ObjectMapper json = new ObjectMapper();
        UtmRunTest.Outcome o = utmVerify(trace.toString(), "--machine", "../samples/machines/binary-increment.json", "--tape", "1011", "--json");
        assertEquals(11, o.code(), o.err());
        JsonNode report = json.readTree(o.out()); // the whole of standard output: one object
        assertTrue(report.isObject(), o.out());
        assertEquals(1, o.out().strip().lines().count(), "one line, one object: " + o.out());
        assertEquals(1, report.get("mismatches").asLong());
        assertTrue(report.get("mismatchReports").get(0).asText().startsWith("step 2: state right reading 1 (prompt "), o.out());
        assertTrue(o.err().contains("step 2: state right reading 1"), "the lines go to standard error: " + o.err());
    }

    @Test
    void aTraceOfAnotherInputIsBadInputNamingWhatDiffersNotMismatchesOfTheMachine(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t3.jsonl");
        assertEquals(0, UtmRunTest.utmRun("--bitag", "../samples/bitag/spec-example.json", "--trace", trace.toString()).code());
        UtmRunTest.Outcome o = utmVerify(trace.toString()); // checked as the worked example's (the default input)
        assertEquals(3, o.code(), o.err());
        assertEquals("utm-verify: " + trace + ":1: a trace of another input: at step 0 the run was in state A at cell 263 reading 0;"
                + " this input starts in state A at cell 105 reading 0 (give the run's --bitag, --word, --tape or --head)\n", o.err());
        assertEquals("", o.out());

        UtmRunTest.Outcome right = utmVerify(trace.toString(), "--bitag", "../samples/bitag/spec-example.json");
        assertEquals(0, right.code(), right.err());
    }

    @Test
    void aTraceThatEndsBeforeTheHaltHasItsOwnExitCodeUnlessPartialIsAccepted(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        assertEquals(10, UtmRunTest.utmRun("--max-steps", "99", "--trace", trace.toString()).code());
        UtmRunTest.Outcome o = utmVerify(trace.toString());
        assertEquals(10, o.code(), "a CI job reading the exit code must not pass a run that never finished: " + o.err());
        assertEquals("utm-verify: 99 cycles checked, every one matched; the reference machine had not halted after 99 steps"
                + " (the trace ends before the halt: a partial run; --partial accepts it)\n", o.err());
        UtmRunTest.Outcome accepted = utmVerify(trace.toString(), "--partial");
        assertEquals(0, accepted.code(), accepted.err());
    }

    @Test
    void aTraceThatIsNotJsonLinesNamesTheLine(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("bad.jsonl");
        Files.writeString(trace, "{\"step\":0,\"changes\":{}}\nnot json\n");
        UtmRunTest.Outcome o = utmVerify(trace.toString());
        assertEquals(3, o.code());
        assertTrue(o.err().startsWith("utm-verify: " + trace + ":2:1: Unrecognized token 'not'"), o.err());
    }
}
