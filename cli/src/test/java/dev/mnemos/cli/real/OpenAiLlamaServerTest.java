package dev.mnemos.cli.real;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.run.MnemosCommand;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.cycle.InstructionParser;
import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.runtime.memory.MemoryFile;
import dev.mnemos.runtime.model.LlamaServerBodies;
import dev.mnemos.utm.prompt.PromptFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mnemos run --backend openai} against a real llama.cpp server with a real model
 * (SmolLM2-135M-Instruct; see {@link LlamaServer}), as a user runs it. The answers asserted are what
 * that model says at temperature 0, recorded from the first run: the countdown sample's completion is
 * {@code " n-=1 op="%[A]" "} every time (it does not stop at zero); in chat style it echoes the
 * prompt's lines instead.
 */
class OpenAiLlamaServerTest {

    static final Path COUNTDOWN = Path.of("..", "samples", "programs", "countdown.json");
    static final String ANSWER = "\" n-=1 op=\"%[A]\" \"";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path logs;
    static LlamaServer server;

    @TempDir
    Path dir;
    String err;

    @BeforeAll
    static void startTheServer() throws Exception {
        server = LlamaServer.start(logs.resolve("server.log"));
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        if (server != null) server.close();
    }

    int mnemos(String... args) {
        StringWriter e = new StringWriter();
        var cl = Cli.commandLine(new MnemosCommand());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        err = e.toString();
        return code;
    }

    /** {@code mnemos run} on the countdown sample through the server, with more options. */
    int countdown(String baseUrl, String... options) {
        List<String> args = new ArrayList<>(List.of("run", COUNTDOWN.toString(), "--backend", "openai",
                "--base-url", baseUrl, "--model", "smollm2"));
        args.addAll(List.of(options));
        return mnemos(args.toArray(String[]::new));
    }

    @Test
    void completionStyleRunsCycleAfterCycleOnTheModelsAnswers() throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Path out = dir.resolve("final.json");

        int code = countdown(server.baseUrl(), "--stop", "\\n", "--max-tokens", "32", "--max-steps", "2",
                "--trace", trace.toString(), "--out", out.toString());

        assertEquals(ExitCode.LIMIT.code(), code, err);
        assertTrue(err.contains("stopped at the step limit after 2 cycles"), err);
        List<JsonNode> cycles = lines(trace);
        assertEquals(2, cycles.size());
        for (JsonNode cycle : cycles) {
            assertEquals(ANSWER, cycle.get("raw").asText(), "the stop sequence ends the answer before its line break");
            assertEquals(157, cycle.get("inputTokens").asInt());
            assertEquals(13, cycle.get("outputTokens").asInt());
        }
        assertEquals(1L, MemoryFile.load(out).get("n"));
    }

    @Test
    void aStreamedAnswerIsTheSameAnswer() throws Exception {
        Path streamed = dir.resolve("streamed.jsonl");

        int code = countdown(server.baseUrl(), "--stop", "\\n", "--max-tokens", "32", "--max-steps", "1", "--stream",
                "--trace", streamed.toString());

        assertEquals(ExitCode.LIMIT.code(), code, err);
        JsonNode cycle = lines(streamed).get(0);
        assertEquals(ANSWER, cycle.get("raw").asText());
        assertEquals(157, cycle.get("inputTokens").asInt(), "the usage of the stream's last event");
        assertEquals(13, cycle.get("outputTokens").asInt());
    }

    @Test
    void inChatStyleTheModelEchoesThePromptWhichStrictModeRefuses() {
        for (boolean stream : new boolean[] {false, true}) {
            List<String> options = new ArrayList<>(List.of("--style", "chat", "--max-tokens", "32", "--max-steps", "1"));
            if (stream) options.add("--stream");

            int code = countdown(server.baseUrl(), options.toArray(String[]::new));

            assertEquals(ExitCode.UNPARSEABLE.code(), code, "stream " + stream + ": " + err);
            assertTrue(err.contains("raw output: \"n = 2\\nif 2==0 then result = \\\" op=\\\"halt\\\" \\\""), err);
            assertEquals(1, err.strip().lines().count(), err);
        }
    }

    @Test
    void lenientModeFindsAnInstructionInTheEchoAndHaltsTooEarly() throws Exception {
        Path trace = dir.resolve("chat.jsonl");

        int code = countdown(server.baseUrl(), "--style", "chat", "--mode", "lenient", "--max-tokens", "32",
                "--max-steps", "1", "--trace", trace.toString());

        assertEquals(ExitCode.OK.code(), code, err);
        JsonNode cycle = lines(trace).get(0);
        assertEquals("op=\"halt\"", cycle.get("instruction").asText(), "taken from the echoed line 'if 2==0 then result = \" op=\"halt\" \"'");
        assertEquals(32, cycle.get("outputTokens").asInt());
        assertEquals(187, cycle.get("inputTokens").asInt(), "the chat template's tokens besides the prompt's 157");
    }

    @Test
    void aStopSequenceEndsTheAnswerWhereItFirstAppears() {
        int code = countdown(server.baseUrl(), "--stop", " op", "--max-tokens", "32", "--max-steps", "1");

        assertEquals(ExitCode.UNPARSEABLE.code(), code, err);
        assertTrue(err.contains("the opening quote is not closed; raw output: \"\\\" n-=1\""), err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void maxTokensCutsTheAnswer() {
        int code = countdown(server.baseUrl(), "--stop", "\\n", "--max-tokens", "5", "--max-steps", "1");

        assertEquals(ExitCode.UNPARSEABLE.code(), code, err);
        assertTrue(err.contains("raw output: \"\\\" n-=1\""), "five tokens: '\"', ' n', '-=', '1', ' op' cut: " + err);
    }

    @Test
    void aCallSlowerThanTheTimeoutIsAModelErrorInOneLine() {
        int code = countdown(server.baseUrl(), "--stop", "\\n", "--max-tokens", "32", "--timeout", "0.2", "--retries", "0");

        assertEquals(ExitCode.MODEL_ERROR.code(), code, err);
        assertTrue(err.contains("no answer from the OpenAI-compatible server at " + server.baseUrl() + " (model smollm2) within 200 ms"), err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void aServerKilledMidAnswerEndsTheRunWithNothingHalfWritten() throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Path out = dir.resolve("final.json");
        Path checkpoint = dir.resolve("run.ckpt");
        try (LlamaServer doomed = LlamaServer.start(dir.resolve("doomed.log"))) {
            // no stop sequence: the model writes on for up to 400 tokens, seconds of work
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> countdown(doomed.baseUrl(),
                    "--max-tokens", "400", "--retries", "0", "--trace", trace.toString(), "--out", out.toString(),
                    "--checkpoint", checkpoint.toString()));
            doomed.awaitLog("launch_slot_", 1, Duration.ofMinutes(2));
            Thread.sleep(300);
            doomed.kill();

            assertEquals(ExitCode.MODEL_ERROR.code(), run.get(), err);
        }
        assertTrue(err.contains("the connection to the OpenAI-compatible server at ") && err.contains("broke"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertEquals(0, Files.size(trace), "no cycle completed, no line written");
        assertEquals(MemoryFile.load(COUNTDOWN).snapshot(), MemoryFile.load(out).snapshot(), "the memory as loaded");
        assertEquals(0, new CheckpointStore(checkpoint).load().progress().cycles());
    }

    /** The WireMock stand-ins serve bodies captured from this server: they still have its shape. */
    @Test
    void theCapturedBodiesStillHaveTheServersShape() throws Exception {
        ObjectNode completion = JSON.createObjectNode().put("model", "smollm2").put("prompt", "1, 2, 3,")
                .put("temperature", 0.0).put("max_tokens", 4);
        ObjectNode chat = completion.deepCopy().without("prompt");
        chat.putArray("messages").addObject().put("role", "user").put("content", "Count: 1, 2, 3,");

        assertEquals(fields(LlamaServerBodies.raw("completion.json")), fields(post("/completions", completion).body()));
        assertEquals(fields(LlamaServerBodies.raw("chat.json")), fields(post("/chat/completions", chat).body()));
        HttpResponse<String> tooLong = post("/completions", completion.deepCopy().put("prompt", "ha ".repeat(5000)));
        assertEquals(LlamaServerBodies.status("error-context.json"), tooLong.statusCode());
        assertEquals(fields(LlamaServerBodies.raw("error-context.json")), fields(tooLong.body()));
    }

    /** llama.cpp's own grammar parser takes prompts/instruction.gbnf, and what it lets through parses. */
    @Test
    void llamaCppTakesTheInstructionGrammarAndItsAnswersParse() throws Exception {
        String grammar = new String(getClass().getClassLoader().getResourceAsStream("prompts/instruction.gbnf").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        ObjectNode request = JSON.createObjectNode().put("model", "smollm2").put("temperature", 0.0).put("max_tokens", 48)
                .put("prompt", PromptFiles.u152().prompt("G", "0")).put("grammar", grammar);

        HttpResponse<String> answer = post("/completions", request);

        assertEquals(200, answer.statusCode(), answer.body());
        String text = JSON.readTree(answer.body()).path("choices").path(0).path("text").asText();
        new InstructionParser(ParseMode.STRICT).parse(text);
        HttpResponse<String> broken = post("/completions", request.deepCopy().put("grammar", "root ::= [a-"));
        assertEquals(400, broken.statusCode(), broken.body());
    }

    static HttpResponse<String> post(String path, JsonNode body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    static Set<String> fields(String json) throws Exception {
        Set<String> names = new TreeSet<>();
        JSON.readTree(json).fieldNames().forEachRemaining(names::add);
        JSON.readTree(json).path("error").fieldNames().forEachRemaining(n -> names.add("error." + n));
        return names;
    }

    static List<JsonNode> lines(Path jsonl) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) out.add(JSON.readTree(line));
        return out;
    }
}
