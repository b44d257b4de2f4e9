package dev.mnemos.cli.run;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.memory.MemoryFile;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/** {@code mnemos run} when things go wrong mid-run: what it says, its exit code, what it leaves on disk. */
class RunFaultsTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ModelServer server = new ModelServer();

    String err;

    int run(String... args) {
        StringWriter e = new StringWriter();
        var cl = Cli.commandLine(new MnemosCommand());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        err = e.toString();
        return code;
    }

    /** The countdown model answers n = 3 and n = 2, then the server fails as {@code failure} says. */
    private void twoGoodCyclesThen(Runnable failure) {
        failure.run();
        for (int k = 3; k >= 2; k--) {
            ModelServerStubs.answerWhenPromptContains(server, Api.OLLAMA_GENERATE, RunCommandTest.MODEL,
                    "\" op=\"halt\" \"\nn = " + k + "\nif", " \" n-=1 op=\"%[A]\" \"", false);
        }
    }

    @Test
    void serverErrorsAreRetriedThenReportedWithMemoryAndTraceAsOfTheLastCompletedCycle() throws Exception {
        twoGoodCyclesThen(() -> ModelServerStubs.serverError(server, Api.OLLAMA_GENERATE, 500, "llama runner process has terminated"));
        Path trace = dir.resolve("run.jsonl");
        Path ckpt = dir.resolve("run.ckpt");
        int code = run("run", RunCommandTest.PROGRAM.toString(), "--model", RunCommandTest.MODEL, "--base-url", server.baseUrl(),
                "--retries", "1", "--trace", trace.toString(), "--checkpoint", ckpt.toString());
        assertEquals(ExitCode.MODEL_ERROR.code(), code, err);
        assertTrue(err.contains("HTTP 500") && err.contains("llama runner process has terminated"), err);
        assertTrue(err.contains("gave up after 2 tries"), err);
        assertEquals(1, err.strip().lines().count(), err);
        server.verify(4, postRequestedFor(urlPathEqualTo("/api/generate")));
        assertEquals(2, Files.readAllLines(trace).size());
        var checkpoint = new CheckpointStore(ckpt).load();
        assertEquals(2, checkpoint.progress().cycles());
        assertEquals(1L, Memory.of(checkpoint.memory()).get("n"));
    }

    @Test
    void aDoublingWriteEndsAtTheWriteBoundWithItsOwnMessageAndCode() throws Exception {
        Path program = dir.resolve("grow.json");
        Files.writeString(program, "{\"memory\": {\"op\": \"@[z]\", \"z\": \"ab\"}}");
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, RunCommandTest.MODEL, "z=\"%[z]%[z]%[z]%[z]\"", false);
        Path out = dir.resolve("final.json");
        Path trace = dir.resolve("run.jsonl");

        int code = run("run", program.toString(), "--model", RunCommandTest.MODEL, "--base-url", server.baseUrl(),
                "--max-value", "1000", "--max-prompt", "100000", "--trace", trace.toString(), "--out", out.toString());

        assertEquals(ExitCode.BAD_WRITE.code(), code, err);
        assertTrue(err.contains("the write of 'z' would make a value of 2,048 characters, past the write bound of 1,000"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertEquals(512, MemoryFile.load(out).read("z").length(), "memory as of the last completed cycle");
        assertEquals(4, Files.readAllLines(trace).size());
    }

    @Test
    void aTimeoutIsReportedWithTheTimeAllowed() {
        twoGoodCyclesThen(() -> ModelServerStubs.slowAnswer(server, Api.OLLAMA_GENERATE, RunCommandTest.MODEL,
                " \" n-=1 op=\"%[A]\" \"", false, Duration.ofSeconds(3)));
        int code = run("run", RunCommandTest.PROGRAM.toString(), "--model", RunCommandTest.MODEL, "--base-url", server.baseUrl(),
                "--retries", "0", "--timeout", "0.3");
        assertEquals(ExitCode.MODEL_ERROR.code(), code, err);
        assertTrue(err.contains("within 0.3 s") || err.contains("within 300 ms"), err);
        assertTrue(err.contains("failed after 2 cycles"), err);
    }

    @Test
    void aRunawayReferenceNamesItsChain() throws Exception {
        Memory m = new Memory();
        m.put("op", "@[boot]go");
        m.put("boot", "@[loop]");
        m.put("loop", "@[boot]");
        Path program = dir.resolve("runaway.json");
        MemoryFile.save(m, program);
        assertEquals(ExitCode.RUNAWAY.code(), run("run", program.toString(), "--model", RunCommandTest.MODEL,
                "--base-url", server.baseUrl(), "--max-passes", "6"));
        assertTrue(err.contains("@[boot] -> @[loop] -> @[boot]"), err);
        server.verify(0, postRequestedFor(urlPathEqualTo("/api/generate")));
    }

    @Test
    void aWriteOutsideTheLabelAlphabetChangesNothingAndIsNamed() throws Exception {
        Memory m = MemoryFile.load(RunCommandTest.PROGRAM);
        m.put("t", "no spaces allowed");
        Path program = dir.resolve("program.json");
        MemoryFile.save(m, program);
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, RunCommandTest.MODEL, " \" n-=1 %[t]=\"1\" \"", false);
        Path out = dir.resolve("out.json");
        assertEquals(ExitCode.BAD_WRITE.code(), run("run", program.toString(), "--model", RunCommandTest.MODEL,
                "--base-url", server.baseUrl(), "--out", out.toString()));
        assertTrue(err.contains("'no spaces allowed'") && err.contains("[A-Za-z0-9_-]+"), err);
        assertEquals(3L, MemoryFile.load(out).get("n"), "the update in the same answer was not applied either");
    }

    @Test
    void aProgramWithABadLabelIsRefusedBeforeAnyCall() throws Exception {
        Path program = dir.resolve("bad-label.json");
        Files.writeString(program, "{\"memory\": {\"op\": \"@[x]\", \"cell 7\": \"1\"}}");
        assertEquals(ExitCode.BAD_INPUT.code(), run("run", program.toString(), "--model", RunCommandTest.MODEL, "--base-url", server.baseUrl()));
        assertTrue(err.contains(program + ": label 'cell 7'"), err);
    }

    @Test
    void anOutFileThatCannotBeWrittenIsAnIoErrorNamingIt() throws Exception {
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, RunCommandTest.MODEL, " \" op=\"halt\" \"", false);
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        Path out = notADirectory.resolve("out.json");
        assertEquals(ExitCode.IO_ERROR.code(), run("run", RunCommandTest.PROGRAM.toString(), "--model", RunCommandTest.MODEL,
                "--base-url", server.baseUrl(), "--out", out.toString()), err);
        assertEquals("mnemos run: --out " + out + ": " + notADirectory.toAbsolutePath() + " is not a directory", err.strip());
        server.verify(0, postRequestedFor(urlPathEqualTo("/api/generate"))); // refused before the run, not after it
    }

    @Test
    void aNegativeLimitOrRetryCountIsAUsageErrorNamingTheOption() {
        String[][] cases = {{"--max-steps", "-1"}, {"--max-time", "-5"}, {"--max-calls", "-1"}, {"--cycle-retries", "-1"},
                {"--max-passes", "0"}, {"--max-prompt", "0"}, {"--max-value", "0"}, {"--checkpoint-every", "-5"}};
        for (String[] c : cases) {
            assertEquals(ExitCode.USAGE.code(), run("run", RunCommandTest.PROGRAM.toString(), "--model", RunCommandTest.MODEL,
                    "--base-url", server.baseUrl(), c[0], c[1]), err);
            assertTrue(err.startsWith("mnemos run: " + c[0] + " "), err);
            assertEquals(1, err.strip().lines().count(), err);
        }
        server.verify(0, postRequestedFor(urlPathEqualTo("/api/generate")));
    }

    @Test
    void aUsageErrorLeavesAnEarlierRunsTraceAlone() throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Files.writeString(trace, "{\"step\":0}\n");
        String[][] cases = {{"--max-value", "0"}, {"--max-steps", "-1"}, {"--max-time", "-5"}, {"--max-calls", "-1"}, {"--cycle-retries", "-1"},
                {"--max-passes", "0"}, {"--max-prompt", "0"}, {"--checkpoint-every", "-5"}};
        for (String[] c : cases) {
            assertEquals(ExitCode.USAGE.code(), run("run", RunCommandTest.PROGRAM.toString(), "--model", RunCommandTest.MODEL,
                    "--base-url", server.baseUrl(), "--trace", trace.toString(), c[0], c[1]), err);
            assertEquals("{\"step\":0}\n", Files.readString(trace), c[0] + " " + c[1] + " truncated the trace");
        }
    }

    @Test
    void oneFileInTwoRolesIsRefusedBeforeAnythingIsOpened() throws Exception {
        Path program = dir.resolve("prog.json");
        Files.copy(RunCommandTest.PROGRAM, program);
        String text = Files.readString(program);
        Path same = Files.writeString(dir.resolve("same.json"), "kept\n");
        String[][] cases = {{"--trace", program.toString()}, {"--checkpoint", program.toString()}, {"--cache", program.toString()},
                {"--trace", same.toString(), "--checkpoint", same.toString()}, {"--cache", same.toString(), "--out", same.toString()}};
        for (String[] c : cases) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", program.toString(), "--model", RunCommandTest.MODEL, "--base-url", server.baseUrl()));
            args.addAll(java.util.List.of(c));
            assertEquals(ExitCode.USAGE.code(), run(args.toArray(String[]::new)), String.join(" ", c) + ": " + err);
            assertTrue(err.contains(" are the same file; give each its own"), err);
            assertEquals(text, Files.readString(program), "the program is not overwritten");
            assertEquals("kept\n", Files.readString(same));
        }
        server.verify(0, postRequestedFor(urlPathEqualTo("/api/generate")));
        // the final memory written over the program (read first, replaced whole at the end) is one role each
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, RunCommandTest.MODEL, " \" op=\"halt\" \"", false);
        assertEquals(0, run("run", program.toString(), "--model", RunCommandTest.MODEL, "--base-url", server.baseUrl(), "--out", program.toString()), err);
    }

    @Test
    void aCacheOrCheckpointThatCannotBeReadIsNamed() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("a-directory"));
        assertEquals(ExitCode.BAD_INPUT.code(), run("run", RunCommandTest.PROGRAM.toString(), "--model", RunCommandTest.MODEL,
                "--base-url", server.baseUrl(), "--cache", directory.toString()), err);
        assertTrue(err.startsWith("mnemos run: " + directory), err);
        Path binary = dir.resolve("binary.cache");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '\n'});
        assertEquals(ExitCode.BAD_INPUT.code(), run("run", RunCommandTest.PROGRAM.toString(), "--model", RunCommandTest.MODEL,
                "--base-url", server.baseUrl(), "--cache", binary.toString()), err);
        assertTrue(err.startsWith("mnemos run: " + binary), err);
        assertEquals(ExitCode.BAD_INPUT.code(), run("run", "--model", RunCommandTest.MODEL,
                "--base-url", server.baseUrl(), "--resume", directory.toString()), err);
        assertTrue(err.startsWith("mnemos run: " + directory), err);
    }

    @Test
    void everyFileOptionRefusesAMissingDirectoryTheSameWay() throws Exception {
        Path missing = dir.resolve("no-such-directory");
        for (String option : new String[]{"--trace", "--out", "--checkpoint", "--cache"}) {
            Path file = missing.resolve("file.json");
            assertEquals(ExitCode.IO_ERROR.code(), run("run", RunCommandTest.PROGRAM.toString(), "--model", RunCommandTest.MODEL,
                    "--base-url", server.baseUrl(), option, file.toString()), err);
            assertEquals("mnemos run: " + option + " " + file + ": " + missing.toAbsolutePath() + " does not exist (create it first)", err.strip());
        }
        assertFalse(Files.exists(missing), "no directory is made from what may be a typo");
        server.verify(0, postRequestedFor(urlPathEqualTo("/api/generate")));
    }

    @Test
    void modelOutputWithTerminalEscapesReachesTheTerminalEscaped() {
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, RunCommandTest.MODEL, "\u001b[2J\u001b]0;pwned\u0007 n-=1\rok", false);
        assertEquals(ExitCode.UNPARSEABLE.code(), run("run", RunCommandTest.PROGRAM.toString(), "--model", RunCommandTest.MODEL,
                "--base-url", server.baseUrl()), err);
        assertEquals(1, err.strip().lines().count(), err);
        for (char c : err.strip().toCharArray()) assertTrue(c >= 0x20 && c != 0x7f, "a raw control character reached the terminal: " + err);
        assertTrue(err.contains("\\u001b[2J\\u001b]0;pwned\\u0007"), err);
    }
}
