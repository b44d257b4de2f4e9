package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtmRunTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What a run of the command printed, and its exit code. */
    record Outcome(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    /** A utm command's {@code run(args, out, err)}. */
    interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /** Runs {@code command} on {@code args} and keeps what it prints. */
    static Outcome capture(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Outcome utmRun(String... args) {
        return capture(UtmRun::run, args);
    }

    @Test
    void withNoArgumentsRunsTheWorkedExampleAndPrintsTheDecodedWord() {
        Outcome o = utmRun();
        assertEquals(0, o.code(), o.err());
        assertEquals("words: e1 a1 -> a1 e2 -> e2 a1\nfinal word: e2 a1\n", o.out());
        assertTrue(o.err().contains("halted after 11,849 steps (11,850 cycles, 11,850 model calls"), o.err());
        assertTrue(o.err().contains("every cycle matched the reference machine"), o.err());
    }

    @Test
    void jsonSummaryHasTheSpecsFields() throws Exception {
        Outcome o = utmRun("--bitag", "../samples/bitag/spec-example.json", "--json");
        assertEquals(0, o.code(), o.err());
        JsonNode s = o.json();
        Set<String> names = new TreeSet<>();
        s.fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(List.of("halted", "steps", "cycles", "modelCalls", "cacheHits", "mismatches",
                "firstMismatchStep", "head", "finalWord")), names.toString());
        assertTrue(s.get("halted").asBoolean());
        assertEquals(120_965, s.get("steps").asLong());
        assertEquals(120_966, s.get("cycles").asLong());
        assertEquals(120_966, s.get("modelCalls").asLong());
        assertEquals(0, s.get("cacheHits").asLong());
        assertEquals(0, s.get("mismatches").asLong());
        assertTrue(s.get("firstMismatchStep").isNull());
        assertEquals(0, s.get("head").asLong());
        assertEquals("e2 a2 a1 a1", s.get("finalWord").asText());
    }

    @Test
    void aWordOverridesTheFilesWord() throws Exception {
        Outcome o = utmRun("--bitag", "../samples/bitag/worked-example.json", "--word", "a1 e1 a1 a1", "--json");
        assertEquals(0, o.code(), o.err());
        assertEquals("e2 a1 a1 a1", o.json().get("finalWord").asText());
        assertEquals("[\"a1 e1 a1 a1\",\"e1 a1 a1 a1\",\"a1 a1 a1 e2\",\"a1 a1 e2 a1\",\"a1 e2 a1 a1\",\"e2 a1 a1 a1\"]",
                o.json().get("words").toString());
    }

    @Test
    void runsAnotherMachineOnATape() throws Exception {
        Outcome o = utmRun("--machine", "../samples/machines/unary-adder.json", "--tape", "111011", "--json");
        assertEquals(0, o.code(), o.err());
        assertEquals("11111", o.json().get("finalTape").asText());
        assertTrue(o.json().get("finalWord").isNull());
        Outcome plain = utmRun("--machine", "../samples/machines/binary-increment.json", "--tape", "1011");
        assertEquals("final tape (from cell 0): 1100\n", plain.out());
    }

    @Test
    void theWriteBoundAppliesToUtmRunToo() {
        Outcome o = utmRun("--machine", "../samples/machines/binary-increment.json", "--tape", "1011", "--max-value", "10");
        assertEquals(9, o.code(), o.err());
        assertTrue(o.err().contains("the write of 'op' would make a value of "), o.err());
        assertTrue(o.err().contains("past the write bound of 10"), o.err());
        assertEquals(2, utmRun("--max-value", "0").code());
    }

    @Test
    void theTraceKeepsUtmsHeadAndSymbolFieldsInTheirPlace(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Outcome o = utmRun("--machine", "../samples/machines/binary-increment.json", "--tape", "1011", "--trace", trace.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(trace);
        JsonNode first = JSON.readTree(lines.get(0));
        List<String> names = new java.util.ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("step", "state", "head", "symbol", "promptHash", "raw", "instruction", "changes", "latencyMs",
                "inputTokens", "outputTokens", "cacheHit", "attempts"), names);
        assertEquals(0, first.get("head").asLong());
        assertEquals("1", first.get("symbol").asText(), "the cell under the head before the cycle, though the cycle wrote it");
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals(first.get("changes").get("i").asLong(), second.get("head").asLong());
    }

    @Test
    void aRunOfOneCycleSaysCycleNotCycles() {
        Outcome one = utmRun("--max-steps", "1");
        assertEquals(10, one.code(), one.err());
        assertTrue(one.err().contains("utm-run: verification: the 1 cycle run matched the reference machine\n"), one.err());
        Outcome many = utmRun("--max-steps", "1200");
        assertTrue(many.err().contains("utm-run: verification: the 1,200 cycles run matched the reference machine\n"), many.err());
    }

    @Test
    void aStepLimitEndsWithItsOwnExitCodeAndResumeFinishesTheRun(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("run.checkpoint.json");
        Path trace = dir.resolve("run.jsonl");
        Outcome first = utmRun("--bitag", "../samples/bitag/worked-example.json", "--max-steps", "5000",
                "--checkpoint", checkpoint.toString(), "--trace", trace.toString(), "--json");
        assertEquals(10, first.code(), first.err());
        assertFalse(first.json().get("halted").asBoolean());
        assertEquals(5000, first.json().get("steps").asLong());
        assertTrue(Files.exists(checkpoint));
        assertEquals(5000, Files.readAllLines(trace).size());
        Outcome rest = utmRun("--bitag", "../samples/bitag/worked-example.json", "--resume", checkpoint.toString(),
                "--trace", trace.toString(), "--json");
        assertEquals(0, rest.code(), rest.err());
        assertEquals(11_849, rest.json().get("steps").asLong());
        assertEquals(0, rest.json().get("mismatches").asLong(), "verified from the resumed configuration on");
        assertEquals("e2 a1", rest.json().get("finalWord").asText());
        assertEquals(11_850, Files.readAllLines(trace).size());
    }

    @Test
    void aCheckpointedRunKnowsItsTraceSoAResumeAppendsToItOrRefusesAnother(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("c.json");
        Path trace = dir.resolve("t.jsonl");
        assertEquals(10, utmRun("--max-steps", "1000", "--checkpoint", checkpoint.toString(), "--trace", trace.toString()).code());
        String saved = Files.readString(checkpoint);

        Path other = dir.resolve("tarce.jsonl"); // mistyped
        Outcome mistyped = utmRun("--resume", checkpoint.toString(), "--trace", other.toString());
        assertEquals(2, mistyped.code(), mistyped.err());
        assertEquals("utm-run: --trace " + other + ": the run in " + checkpoint + " writes its trace to " + trace
                + "; give that --trace, or leave --trace out to go on with it\n", mistyped.err());
        assertFalse(Files.exists(other));
        assertEquals(saved, Files.readString(checkpoint));

        Outcome rest = utmRun("--resume", checkpoint.toString()); // --trace left out: the checkpoint's trace goes on
        assertEquals(0, rest.code(), rest.err());
        assertTrue(rest.err().startsWith("utm-run: going on with the run's trace " + trace + "\n"), rest.err());
        assertEquals(11_850, Files.readAllLines(trace).size(), "no cycle is missing from the trace");
        assertEquals(0, UtmVerifyTest.utmVerify(trace.toString()).code());
    }

    @Test
    void resyncOfARunThatNeverStoppedOnAMismatchIsRefused(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("c.json");
        assertEquals(10, utmRun("--max-steps", "100", "--checkpoint", checkpoint.toString()).code());
        String saved = Files.readString(checkpoint);
        Outcome o = utmRun("--resume", checkpoint.toString(), "--resync");
        assertEquals(11, o.code(), o.err());
        assertEquals("utm-run: --resync: the run in " + checkpoint + " did not stop on a mismatch, so there is nothing to resynchronise;"
                + " go on with --resume " + checkpoint + " alone\n", o.err());
        assertEquals(saved, Files.readString(checkpoint));
    }

    @Test
    void aResumeWhoseTraceIsGoneIsRefused(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("c.json");
        Path trace = dir.resolve("t.jsonl");
        assertEquals(10, utmRun("--max-steps", "100", "--checkpoint", checkpoint.toString(), "--trace", trace.toString()).code());
        Files.delete(trace);
        Outcome o = utmRun("--resume", checkpoint.toString());
        assertEquals(3, o.code(), o.err());
        assertEquals("utm-run: " + checkpoint + ": its run writes its trace to " + trace + ", which is gone; the trace would miss the cycles"
                + " before the resume (start the run again)\n", o.err());
        assertTrue(Files.exists(checkpoint));
    }

    @Test
    void aResumedRunThatStopsAgainSaysWhereItsCheckpointIs(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("run.checkpoint.json");
        assertEquals(10, utmRun("--max-steps", "100", "--checkpoint", checkpoint.toString()).code());
        Outcome again = utmRun("--resume", checkpoint.toString(), "--max-steps", "200");
        assertEquals(10, again.code(), again.err());
        assertTrue(again.err().contains("checkpoint in " + checkpoint + " (go on with --resume " + checkpoint + ")"), again.err());
        assertEquals(200, new dev.mnemos.runtime.checkpoint.CheckpointStore(checkpoint).load().progress().cycles());
    }

    @Test
    void badInputGetsOneLineAndItsExitCode(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"q\":1,\"h\":2,\"productions\":{},\"word\":\"e1 a1\"}");
        Outcome o = utmRun("--bitag", bad.toString());
        assertEquals(3, o.code());
        assertEquals("utm-run: " + bad + ": production 'e1 a1' is missing\n", o.err());
        Path machine = dir.resolve("m.json");
        Files.writeString(machine, "{\"symbols\":[\"0\",\"1\"],\"transitions\":{\"A\":{\"0\":\"1 R B\",\"1\":\"halt\"}}}");
        Outcome m = utmRun("--machine", machine.toString(), "--tape", "0");
        assertEquals(3, m.code());
        assertEquals("utm-run: " + machine + ": state 'A', symbol '0': next state 'B' is not a state\n", m.err());
        assertEquals(2, utmRun("--tape", "012").code());
        assertEquals(2, utmRun("--tape", "01", "--bitag", "x.json").code());
        Outcome head = utmRun("--bitag", "../samples/bitag/worked-example.json", "--head", "5");
        assertEquals(2, head.code(), "--head would be ignored with a bi-tag program");
        assertTrue(head.err().contains("--head goes with --tape"), head.err());
        assertEquals(2, utmRun("--backend", "ollama").code(), "a model backend needs --model");
        assertEquals(2, utmRun("--no-such-option").code());
    }

    @Test
    void aNegativeLimitIsAUsageErrorAndLeavesTheTraceAlone(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Files.writeString(trace, "{\"step\":0}\n");
        Outcome steps = utmRun("--max-steps", "-1", "--trace", trace.toString());
        assertEquals(2, steps.code(), steps.err());
        assertEquals("utm-run: --max-steps must be 0 or more, got -1\n", steps.err());
        Outcome retries = utmRun("--cycle-retries", "-1", "--trace", trace.toString());
        assertEquals(2, retries.code(), retries.err());
        assertEquals("utm-run: --cycle-retries must be 0 or more, got -1\n", retries.err());
        assertEquals("{\"step\":0}\n", Files.readString(trace), "a refused command line does not truncate the trace");
    }

    @Test
    void aUsageErrorOfAnyRunOptionLeavesAnEarlierTraceAlone(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Files.writeString(trace, "{\"step\":0}\n");
        String[][] cases = {{"--max-value", "0"}, {"--max-steps", "-1"}, {"--max-time", "-5"}, {"--cycle-retries", "-1"}};
        for (String[] c : cases) {
            Outcome o = utmRun(c[0], c[1], "--trace", trace.toString());
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().startsWith("utm-run: " + c[0] + " must be "), o.err());
            assertEquals("{\"step\":0}\n", Files.readString(trace), c[0] + " " + c[1] + " truncated the trace");
        }
    }

    @Test
    void helpIsWrittenForPeople() {
        Outcome o = utmRun("--help");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("--bitag=FILE"), o.out());
        assertTrue(o.out().contains("Exit codes:\n    0   halted and verified clean\n    2   usage"), o.out());
        String codes = o.out().replaceAll("\\s+", " ");
        for (String code : List.of("8 runaway substitution", "9 bad write", "12 a file could not be written")) {
            assertTrue(codes.contains(code), "a model's run can end with " + code + ": " + o.out());
        }
    }
}
