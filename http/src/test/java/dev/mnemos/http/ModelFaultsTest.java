package dev.mnemos.http;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.runtime.model.ModelServerStubs.Api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.mnemos.http.ModelTestSupport.config;
import static dev.mnemos.http.ModelTestSupport.processor;
import static dev.mnemos.http.ModelTestSupport.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.mnemos.runtime.model.ModelException.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way a model call fails, on every protocol: the kind, the one-line message, the retries. */
class ModelFaultsTest {

    static final String MODEL = "llama3.2";
    static final String ANSWER = "\" op=\"%[B]\" %[i]=\"0\" i+=1 \"";

    @RegisterExtension
    static final ModelServer server = new ModelServer();

    @Test
    void unreachableOllamaSaysHowToStartItAndPullTheModel() {
        int port = ModelTestSupport.closedPort();
        ProcessorConfig config = ProcessorConfig.builder().baseUrl("http://localhost:" + port).model(MODEL).retries(2).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.UNREACHABLE, e.kind());
        assertEquals("cannot reach Ollama at http://localhost:" + port + " (model llama3.2): start it with "
                + "`ollama serve` and fetch the model with `ollama pull llama3.2`", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void unreachableServerNamesUrlAndModel(Api api) {
        int port = ModelTestSupport.closedPort();
        String url = "http://localhost:" + port + (api.isOllama() ? "" : "/v1");
        ProcessorConfig config = config(server, api, MODEL, false).baseUrl(url).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.UNREACHABLE, e.kind(), e.getMessage());
        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("cannot reach "), e.getMessage());
        assertTrue(e.getMessage().contains(url + " (model " + MODEL + ")"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OLLAMA_GENERATE", "OLLAMA_CHAT"})
    void ollamaModelNotFoundSaysToPullIt(Api api) {
        ModelServerStubs.ollamaModelNotFound(server, "qwen2.5:7b");
        ProcessorConfig config = config(server, api, "qwen2.5:7b", false).retries(2).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.MODEL_NOT_FOUND, e.kind());
        assertEquals("model \"qwen2.5:7b\" not found at " + server.baseUrl() + " (Ollama): fetch it with "
                + "`ollama pull qwen2.5:7b` (Ollama said: model \"qwen2.5:7b\" not found, try pulling it first)", e.getMessage());
        assertEquals(1, requests(server).size(), "not retried");
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OPENAI_COMPLETIONS", "OPENAI_CHAT"})
    void openAiModelNotFoundQuotesTheServer(Api api) {
        ModelServerStubs.openAiModelNotFound(server, "qwen-7b");
        ProcessorConfig config = config(server, api, "qwen-7b", false).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.MODEL_NOT_FOUND, e.kind());
        assertEquals("model \"qwen-7b\" not found at " + server.baseUrl() + "/v1 (the OpenAI-compatible server said: "
                + "The model `qwen-7b` does not exist.); check the model name the server serves", e.getMessage());
    }

    @ParameterizedTest(name = "{0} stream={1}")
    @CsvSource({"OLLAMA_GENERATE,false", "OLLAMA_GENERATE,true", "OLLAMA_CHAT,false", "OLLAMA_CHAT,true",
            "OPENAI_COMPLETIONS,false", "OPENAI_COMPLETIONS,true", "OPENAI_CHAT,false", "OPENAI_CHAT,true"})
    void serverErrorIsRetriedUntilTheServerAnswers(Api api, boolean stream) throws Exception {
        ModelServerStubs.failThenAnswer(server, api, MODEL, 2, 500, ANSWER, stream);
        ProcessorConfig config = config(server, api, MODEL, stream).retries(2).build();

        Answer answer = processor(config).process("hello");

        assertEquals(ANSWER, answer.text());
        assertEquals(3, requests(server).size());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void serverErrorIsReportedWithTheServersTextWhenRetriesRunOut(Api api) {
        ModelServerStubs.serverError(server, api, 500, "llama runner process has terminated: signal: killed");
        ProcessorConfig config = config(server, api, MODEL, false).retries(2).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertOneLine(e);
        assertTrue(e.getMessage().contains("HTTP 500") || e.getMessage().startsWith("server error"), e.getMessage());
        assertTrue(e.getMessage().contains("llama runner process has terminated: signal: killed"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(gave up after 3 tries)"), e.getMessage());
        assertEquals(3, requests(server).size());
    }

    @Test
    void ollamaServerErrorMessageNamesStatusServerAndText() {
        ModelServerStubs.serverError(server, Api.OLLAMA_GENERATE, 500, "model requires more system memory (5.5 GiB) than is available (3.1 GiB)");
        ProcessorConfig config = config(server, Api.OLLAMA_GENERATE, MODEL, false).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals("HTTP 500 from Ollama at " + server.baseUrl() + " (model llama3.2): model requires more system "
                + "memory (5.5 GiB) than is available (3.1 GiB)", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OPENAI_COMPLETIONS", "OPENAI_CHAT"})
    void rateLimitIsRetried(Api api) throws Exception {
        ModelServerStubs.failThenAnswer(server, api, MODEL, 1, 429, ANSWER, false);
        ProcessorConfig config = config(server, api, MODEL, false).retries(1).build();

        assertEquals(ANSWER, processor(config).process("hello").text());
        assertEquals(2, requests(server).size());
    }

    @ParameterizedTest(name = "{0} stream={1}")
    @CsvSource({"OLLAMA_GENERATE,false", "OLLAMA_CHAT,false", "OLLAMA_CHAT,true",
            "OPENAI_COMPLETIONS,true", "OPENAI_CHAT,false", "OPENAI_CHAT,true"})
    void timeoutIsRetriedThenReported(Api api, boolean stream) {
        ModelServerStubs.slowAnswer(server, api, MODEL, ANSWER, stream, Duration.ofMillis(1500));
        ProcessorConfig config = config(server, api, MODEL, stream).timeout(Duration.ofMillis(300)).retries(1).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.TIMEOUT, e.kind(), e.getMessage());
        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("no answer from "), e.getMessage());
        assertTrue(e.getMessage().contains("(model llama3.2) within 300 ms"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(gave up after 2 tries)"), e.getMessage());
        assertEquals(2, requests(server).size());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OLLAMA_GENERATE", "OPENAI_CHAT"})
    void slowFirstAnswerThenFastOneSucceeds(Api api) throws Exception {
        server.stubFor(post(urlPathEqualTo(api.path())).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("fast").willReturn(api.response(MODEL, "late", false).withFixedDelay(1500)));
        server.stubFor(post(urlPathEqualTo(api.path())).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(api.response(MODEL, ANSWER, false)));
        ProcessorConfig config = config(server, api, MODEL, false).timeout(Duration.ofMillis(300)).retries(1).build();

        assertEquals(ANSWER, processor(config).process("hello").text());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void malformedBodyIsABadResponseAndNotRetried(Api api) {
        ModelServerStubs.rawBody(server, api, "{\"model\":\"llama3.2\",\"created_at\":\"2025-10-17T23:14:07Z\",\"respo");
        ProcessorConfig config = config(server, api, MODEL, false).retries(2).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.BAD_RESPONSE, e.kind(), e.getMessage());
        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("unexpected answer from "), e.getMessage());
        assertEquals(1, requests(server).size());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OLLAMA_GENERATE", "OPENAI_COMPLETIONS"})
    void jsonWithoutTheAnswerFieldIsABadResponse(Api api) {
        ModelServerStubs.rawBody(server, api, "{\"model\":\"llama3.2\",\"done\":true}");
        ProcessorConfig config = config(server, api, MODEL, false).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.BAD_RESPONSE, e.kind());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OLLAMA_GENERATE", "OLLAMA_CHAT"})
    void ollamaErrorInsideAStreamIsAServerError(Api api) {
        String first = api.body(MODEL, "\" op", true).lines().findFirst().orElseThrow();
        String body = first + "\n{\"error\":\"an error was encountered while running the model: unexpected EOF\"}\n";
        ModelServerStubs.rawBody(server, api, body, true);
        ProcessorConfig config = config(server, api, MODEL, true).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertEquals("Ollama failed while answering at " + server.baseUrl() + " (model llama3.2): "
                + "an error was encountered while running the model: unexpected EOF", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OLLAMA_GENERATE", "OLLAMA_CHAT"})
    void ollamaStreamCutBeforeDoneIsABadResponseAtOnce(Api api) {
        String whole = api.body(MODEL, ANSWER, true);
        String cut = whole.substring(0, whole.lastIndexOf("{\"model\""));
        ModelServerStubs.rawBody(server, api, cut, true);
        ProcessorConfig config = config(server, api, MODEL, true).timeout(Duration.ofSeconds(30)).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.getMessage().endsWith("the stream ended before a chunk with \"done\": true"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OPENAI_COMPLETIONS", "OPENAI_CHAT"})
    void openAiStreamCutMidAnswerIsABadResponse(Api api) {
        String whole = api.body(MODEL, ANSWER, true);
        String cut = String.join("\n\n", List.of(whole.split("\n\n")).subList(0, 3)) + "\n\n"; // 3 of 14 events
        ModelServerStubs.rawBody(server, api, cut, true);
        ProcessorConfig config = config(server, api, MODEL, true).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.BAD_RESPONSE, e.kind(), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OPENAI_COMPLETIONS", "OPENAI_CHAT"})
    void wrongApiKeyIsRejected(Api api) {
        server.stubFor(post(urlPathEqualTo(api.path())).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: sk-wrong.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")));
        ProcessorConfig config = config(server, api, MODEL, false).apiKey("sk-wrong").retries(2).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.REJECTED, e.kind());
        assertTrue(e.getMessage().contains("Incorrect API key provided: sk-***."), e.getMessage());
        assertFalse(e.getMessage().contains("sk-wrong"), "the key is never printed: " + e.getMessage());
        assertEquals(1, requests(server).size());
    }

    @Test
    void missingV1InTheBaseUrlIsReportedAsAWrongUrl() {
        server.stubFor(post(urlPathEqualTo("/completions")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/plain").withBody("404 page not found")));
        ProcessorConfig config = config(server, Api.OPENAI_COMPLETIONS, MODEL, false).baseUrl(server.baseUrl()).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.REJECTED, e.kind());
        assertEquals("HTTP 404 from the OpenAI-compatible server at " + server.baseUrl() + " (model llama3.2): "
                + "404 page not found; check the base URL (it usually ends in /v1)", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aConnectionDroppedWithoutAnswerIsRetriedAsAServerError(Api api) {
        server.stubFor(post(urlPathEqualTo(api.path())).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        ProcessorConfig config = config(server, api, MODEL, false).retries(1).build();

        ModelException e = assertThrows(ModelException.class, () -> processor(config).process("hello"));

        assertEquals(Kind.SERVER_ERROR, e.kind(), e.getMessage());
        assertOneLine(e);
        assertTrue(e.getMessage().startsWith("the connection to "), e.getMessage());
        assertEquals(2, requests(server).size());
    }

    @Test
    void providerRetriesWithItsOwnBackoff() throws Exception {
        ModelServerStubs.failThenAnswer(server, Api.OLLAMA_GENERATE, MODEL, 1, 503, ANSWER, false);
        ProcessorConfig config = config(server, Api.OLLAMA_GENERATE, MODEL, false).retries(1).build();

        try (Processor processor = Processors.create(config)) {
            assertEquals(ANSWER, processor.process("hello").text());
        }
        assertEquals(2, requests(server).size());
    }

    static void assertOneLine(ModelException e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("\r"), e.getMessage());
    }
}
