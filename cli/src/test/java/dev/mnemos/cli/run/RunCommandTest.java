package dev.mnemos.cli.run;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
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
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/** {@code mnemos run} end to end: the sample program on a real Ollama client against WireMock. */
class RunCommandTest {

    static final Path PROGRAM = Path.of("..", "samples", "programs", "countdown.json");
    static final String MODEL = "llama2";

    @TempDir
    Path dir;

    @RegisterExtension
    final ModelServer server = new ModelServer();

    String out;
    String err;

    /** A perfect model for the countdown program: the prompt's own "n = X" line decides. */
    static void stubCountdown(WireMockServer server, Api api, int n) {
        for (int k = 0; k <= n; k++) {
            String answer = k == 0 ? " \" op=\"halt\" \"" : " \" n-=1 op=\"%[A]\" \"";
            ModelServerStubs.answerWhenPromptContains(server, api, MODEL, "\" op=\"halt\" \"\nn = " + k + "\nif", answer, false);
        }
    }

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        var cl = Cli.commandLine(new MnemosCommand());
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void theSampleProgramRunsOnOllamaAndHalts() throws Exception {
        stubCountdown(server, Api.OLLAMA_GENERATE, 3);
        Path finalMemory = dir.resolve("final.json");
        Path trace = dir.resolve("trace.jsonl");
        int code = run("run", PROGRAM.toString(), "--model", MODEL, "--base-url", server.baseUrl(),
                "--trace", trace.toString(), "--out", finalMemory.toString(), "--json");
        assertEquals(0, code, err);
        Memory m = MemoryFile.load(finalMemory);
        assertEquals(0L, m.get("n"));
        assertEquals("halt", m.read("op"));
        JsonNode summary = new ObjectMapper().readTree(out);
        assertTrue(summary.get("halted").asBoolean());
        assertEquals(4, summary.get("cycles").asLong());
        assertEquals(4, summary.get("modelCalls").asLong());
        List<String> lines = Files.readAllLines(trace);
        assertEquals(4, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("A", first.get("state").asText());
        assertEquals(2, first.get("changes").get("n").asLong());
        assertEquals(ModelServerStubs.PROMPT_TOKENS, first.get("inputTokens").asInt());
        server.verify(4, postRequestedFor(urlPathEqualTo("/api/generate")));
    }

    @Test
    void aSecondRunWithTheCacheCallsNoModel() throws Exception {
        stubCountdown(server, Api.OLLAMA_GENERATE, 3);
        Path cache = dir.resolve("cache.jsonl");
        String[] args = {"run", PROGRAM.toString(), "--model", MODEL, "--base-url", server.baseUrl(), "--cache", cache.toString(), "--json"};
        assertEquals(0, run(args), err);
        assertEquals(0, run(args), err);
        JsonNode summary = new ObjectMapper().readTree(out);
        assertEquals(0, summary.get("modelCalls").asLong());
        assertEquals(4, summary.get("cacheHits").asLong());
        server.verify(4, postRequestedFor(urlPathEqualTo("/api/generate")));
    }

    @Test
    void chatStyleOnAnOpenAiCompatibleServer() throws Exception {
        stubCountdown(server, Api.OPENAI_CHAT, 3);
        int code = run("run", PROGRAM.toString(), "--backend", "openai", "--style", "chat", "--model", MODEL,
                "--base-url", server.baseUrl() + "/v1", "--system", "Answer with the instruction only.");
        assertEquals(0, code, err);
        assertTrue(err.contains("halted after 4 cycles"), err);
    }

    @Test
    void proseAroundTheAnswerFailsStrictAndPassesLenient() throws Exception {
        for (int k = 0; k <= 3; k++) {
            String answer = "Sure! The next instruction is:\n" + (k == 0 ? "\" op=\"halt\" \"" : "\" n-=1 op=\"%[A]\" \"") + "\nLet me know if you need more.";
            ModelServerStubs.answerWhenPromptContains(server, Api.OLLAMA_CHAT, MODEL, "\" op=\"halt\" \"\nn = " + k + "\nif", answer, false);
        }
        String[] base = {"run", PROGRAM.toString(), "--style", "chat", "--model", MODEL, "--base-url", server.baseUrl()};
        assertEquals(ExitCode.UNPARSEABLE.code(), run(base), err);
        assertTrue(err.contains("Sure! The next instruction is:"), err);
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
        String[] lenient = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.stream.Stream.of("--mode", "lenient")).toArray(String[]::new);
        assertEquals(0, run(lenient), err);
    }

    @Test
    void anUnreachableServerIsNamedWithHowToStartIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path ckpt = dir.resolve("c.ckpt");
        int code = run("run", PROGRAM.toString(), "--model", MODEL, "--base-url", "http://127.0.0.1:" + port, "--retries", "0",
                "--checkpoint", ckpt.toString());
        assertEquals(ExitCode.UNREACHABLE.code(), code, err);
        assertTrue(err.contains("127.0.0.1:" + port) && err.contains(MODEL) && err.contains("ollama serve"), err);
        assertEquals(3L, Memory.of(new dev.mnemos.runtime.checkpoint.CheckpointStore(ckpt).load().memory()).get("n"),
                "the checkpoint holds memory as of the last completed cycle");
    }

    @Test
    void aMissingModelGetsItsOwnExitCode() {
        ModelServerStubs.ollamaModelNotFound(server, MODEL);
        assertEquals(ExitCode.MODEL_NOT_FOUND.code(), run("run", PROGRAM.toString(), "--model", MODEL, "--base-url", server.baseUrl()), err);
        assertTrue(err.contains("ollama pull " + MODEL), err);
    }

    @Test
    void aMalformedProgramIsNamedWithLineAndColumn() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"memory\": {\n    \"op\": \"x\"\n    \"i\": 0\n  }\n}\n");
        assertEquals(ExitCode.BAD_INPUT.code(), run("run", bad.toString(), "--model", MODEL));
        assertTrue(err.startsWith("mnemos run: " + bad + ":4:"), err);
        server.verify(0, postRequestedFor(urlPathEqualTo("/api/generate")));
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        assertEquals(ExitCode.USAGE.code(), run("run", PROGRAM.toString(), "--style", "poetry", "--model", MODEL));
        assertTrue(err.contains("--style"), err);
        assertEquals(ExitCode.USAGE.code(), run("run", PROGRAM.toString(), "--backend", "nope", "--model", MODEL));
        assertTrue(err.contains("unknown backend 'nope'"), err);
        assertEquals(ExitCode.USAGE.code(), run("run", "--model", MODEL));
        assertEquals(0, run("run", "--help"));
        assertTrue(out.contains("--max-steps"), out);
        assertTrue(out.replaceAll("\\s+", " ").contains("12 a file could not be written"), out);
    }

    @Test
    void aStepLimitEndsWithItsOwnExitCode() {
        stubCountdown(server, Api.OLLAMA_GENERATE, 3);
        assertEquals(ExitCode.LIMIT.code(), run("run", PROGRAM.toString(), "--model", MODEL, "--base-url", server.baseUrl(), "--max-steps", "2"));
        assertTrue(err.contains("step limit after 2 cycles"), err);
    }
}
