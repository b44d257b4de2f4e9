package dev.mnemos.runtime.model;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stubs on a {@link WireMockServer} that answer like the real model servers: Ollama's
 * {@code /api/generate} and {@code /api/chat}, and an OpenAI-compatible server's
 * {@code /v1/completions} and {@code /v1/chat/completions}, streamed or not, plus their errors.
 * OpenAI-compatible bodies are real llama.cpp server bodies (test resources {@code llama-server/},
 * captured by {@code tools/llama-server/capture.py}) with the answer, model and token counts put
 * in; no real Ollama server can run here, so Ollama's follow its API docs, and
 * {@link #openAiModelNotFound} follows vLLM's (llama.cpp's server serves any model name).
 *
 * <pre>{@code
 * ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, "llama3.2", "op=\"%[B]\" i+=1", false);
 * Processor p = Processors.create(ProcessorConfig.builder().baseUrl(server.baseUrl()).model("llama3.2").build());
 * }</pre>
 *
 * For OpenAI-compatible servers the base URL is {@code server.baseUrl() + "/v1"}. Every answer
 * reports {@link #PROMPT_TOKENS} input tokens and {@link #outputTokens(String)} output tokens.
 */
public final class ModelServerStubs {

    /** Input-token count every stubbed answer reports. */
    public static final int PROMPT_TOKENS = 26;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED_AT = "2025-10-17T23:14:07.414671Z";
    private static final int CHUNK = 3;

    /** The four protocols, each with its path and its answer bodies. */
    public enum Api {
        OLLAMA_GENERATE("/api/generate"),
        OLLAMA_CHAT("/api/chat"),
        OPENAI_COMPLETIONS("/v1/completions"),
        OPENAI_CHAT("/v1/chat/completions");

        private final String path;

        Api(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }

        public boolean isOllama() {
            return this == OLLAMA_GENERATE || this == OLLAMA_CHAT;
        }

        /** The JSON path of the prompt text in a request body. */
        public String promptPath() {
            return switch (this) {
                case OLLAMA_GENERATE, OPENAI_COMPLETIONS -> "$.prompt";
                case OLLAMA_CHAT, OPENAI_CHAT -> "$.messages[-1].content";
            };
        }

        /** The body a server sends with {@code answer} as the model's text. */
        public String body(String model, String answer, boolean stream) {
            return switch (this) {
                case OLLAMA_GENERATE -> stream ? ollamaNdjson(model, answer, false) : ollamaJson(model, answer, false);
                case OLLAMA_CHAT -> stream ? ollamaNdjson(model, answer, true) : ollamaJson(model, answer, true);
                case OPENAI_COMPLETIONS -> stream ? openAiSse(model, answer, false) : openAiJson(model, answer, false);
                case OPENAI_CHAT -> stream ? openAiSse(model, answer, true) : openAiJson(model, answer, true);
            };
        }

        public String contentType(boolean stream) {
            if (!stream) return "application/json; charset=utf-8";
            return isOllama() ? "application/x-ndjson" : "text/event-stream; charset=utf-8";
        }

        /** A 200 response carrying {@code answer}. */
        public ResponseDefinitionBuilder response(String model, String answer, boolean stream) {
            return aResponse().withStatus(200)
                    .withHeader("Content-Type", contentType(stream))
                    .withBody(body(model, answer, stream));
        }
    }

    private ModelServerStubs() {}

    /** Requests for {@code model} on {@code api} get {@code answer}. */
    public static void answer(WireMockServer server, Api api, String model, String answer, boolean stream) {
        server.stubFor(request(api, model).willReturn(api.response(model, answer, stream)));
    }

    /**
     * Requests for {@code model} on {@code api} whose prompt contains {@code fragment} get
     * {@code answer}; stubbed later wins when several match.
     */
    public static void answerWhenPromptContains(
            WireMockServer server, Api api, String model, String fragment, String answer, boolean stream) {
        server.stubFor(request(api, model)
                .withRequestBody(matchingJsonPath(api.promptPath(), containing(fragment)))
                .willReturn(api.response(model, answer, stream)));
    }

    /** The first {@code failures} requests get HTTP {@code status} with an error body, the next ones {@code answer}. */
    public static void failThenAnswer(WireMockServer server, Api api, String model, int failures, int status,
                                      String answer, boolean stream) {
        String scenario = "fail-then-answer " + api + " " + model;
        for (int i = 0; i < failures; i++) {
            server.stubFor(request(api, model).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed " + i)
                    .willSetStateTo("failed " + (i + 1))
                    .willReturn(error(api, status, serverErrorText(status))));
        }
        server.stubFor(request(api, model).inScenario(scenario)
                .whenScenarioStateIs(failures == 0 ? Scenario.STARTED : "failed " + failures)
                .willReturn(api.response(model, answer, stream)));
    }

    /** Every request on {@code api} gets HTTP {@code status} with the server's error body around {@code message}. */
    public static void serverError(WireMockServer server, Api api, int status, String message) {
        server.stubFor(post(urlPathEqualTo(api.path())).willReturn(error(api, status, message)));
    }

    /**
     * Every request on {@code api} gets a body captured from llama.cpp's server as it was, with the
     * status it came with: {@code completion.json}, {@code chat-stream.sse}, {@code error-context.json}, ...
     * (see {@link LlamaServerBodies}).
     */
    public static void llamaServer(WireMockServer server, Api api, String name) {
        boolean stream = name.endsWith(".sse");
        server.stubFor(post(urlPathEqualTo(api.path())).willReturn(aResponse().withStatus(LlamaServerBodies.status(name))
                .withHeader("Content-Type", stream ? "text/event-stream" : "application/json; charset=utf-8")
                .withBody(LlamaServerBodies.raw(name))));
    }

    /** Ollama's 404 for a model it does not have, on /api/generate and /api/chat. */
    public static void ollamaModelNotFound(WireMockServer server, String model) {
        String body = "{\"error\":\"model \\\"" + model + "\\\" not found, try pulling it first\"}";
        for (Api api : List.of(Api.OLLAMA_GENERATE, Api.OLLAMA_CHAT)) {
            server.stubFor(request(api, model).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
        }
    }

    /** vLLM's 404 for a model it does not serve, on /v1/completions and /v1/chat/completions. */
    public static void openAiModelNotFound(WireMockServer server, String model) {
        ObjectNode body = JSON.createObjectNode()
                .put("object", "error")
                .put("message", "The model `" + model + "` does not exist.")
                .put("type", "NotFoundError")
                .putNull("param")
                .put("code", 404);
        for (Api api : List.of(Api.OPENAI_COMPLETIONS, Api.OPENAI_CHAT)) {
            server.stubFor(request(api, model).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/json").withBody(body.toString())));
        }
    }

    /** Requests get {@code answer}, but only after {@code delay}: for timeouts. */
    public static void slowAnswer(WireMockServer server, Api api, String model, String answer, boolean stream,
                                  Duration delay) {
        server.stubFor(request(api, model)
                .willReturn(api.response(model, answer, stream).withFixedDelay((int) delay.toMillis())));
    }

    /** A 200 with {@code body} as it is (e.g. half a JSON object), in the content type of a non-streamed answer. */
    public static void rawBody(WireMockServer server, Api api, String body) {
        rawBody(server, api, body, false);
    }

    /** A 200 with {@code body} as it is (e.g. a stream cut short), in the content type of a streamed answer or not. */
    public static void rawBody(WireMockServer server, Api api, String body, boolean stream) {
        server.stubFor(post(urlPathEqualTo(api.path())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", api.contentType(stream)).withBody(body)));
    }

    /** How many output tokens a stubbed answer reports: the number of stream chunks it is cut into. */
    public static int outputTokens(String answer) {
        return chunks(answer).size();
    }

    /** The answer cut into the pieces a streamed body carries (3 characters each, like short tokens). */
    public static List<String> chunks(String answer) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < answer.length(); i += CHUNK) {
            chunks.add(answer.substring(i, Math.min(answer.length(), i + CHUNK)));
        }
        return chunks;
    }

    private static MappingBuilder request(Api api, String model) {
        return post(urlPathEqualTo(api.path())).withRequestBody(matchingJsonPath("$.model", equalTo(model)));
    }

    private static String serverErrorText(int status) {
        return status == 429 ? "Rate limit reached, please retry later" : "llama runner process has terminated: signal: killed";
    }

    private static ResponseDefinitionBuilder error(Api api, int status, String message) {
        String body;
        if (api.isOllama()) {
            body = JSON.createObjectNode().put("error", message).toString();
        } else {
            ObjectNode root = JSON.createObjectNode(); // llama.cpp's server's shape (llama-server/error-*.json)
            root.putObject("error").put("code", status).put("message", message).put("type", switch (status) {
                case 400 -> "invalid_request_error";
                case 404 -> "not_found_error";
                case 503 -> "unavailable_error";
                default -> "server_error";
            });
            body = root.toString();
        }
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    // ---- Ollama -------------------------------------------------------------------------------

    private static String ollamaJson(String model, String answer, boolean chat) {
        ObjectNode o = ollamaHead(model, answer, chat);
        ollamaDone(o, answer);
        return o.toString();
    }

    private static String ollamaNdjson(String model, String answer, boolean chat) {
        StringBuilder out = new StringBuilder();
        for (String chunk : chunks(answer)) {
            ObjectNode o = ollamaHead(model, chunk, chat);
            o.put("done", false);
            out.append(o).append('\n');
        }
        ObjectNode last = ollamaHead(model, "", chat);
        ollamaDone(last, answer);
        return out.append(last).append('\n').toString();
    }

    private static ObjectNode ollamaHead(String model, String text, boolean chat) {
        ObjectNode o = JSON.createObjectNode().put("model", model).put("created_at", CREATED_AT);
        if (chat) {
            o.putObject("message").put("role", "assistant").put("content", text);
        } else {
            o.put("response", text);
        }
        return o;
    }

    private static void ollamaDone(ObjectNode o, String answer) {
        o.put("done", true)
                .put("done_reason", "stop")
                .put("total_duration", 174_560_334L)
                .put("load_duration", 101_397_084L)
                .put("prompt_eval_count", PROMPT_TOKENS)
                .put("prompt_eval_duration", 13_074_791L)
                .put("eval_count", outputTokens(answer))
                .put("eval_duration", 52_479_709L);
    }

    // ---- OpenAI-compatible: bodies captured from llama.cpp's server -------------------------------

    private static String openAiJson(String model, String answer, boolean chat) {
        ObjectNode o = (ObjectNode) LlamaServerBodies.json(chat ? "chat.json" : "completion.json");
        o.put("model", model);
        ObjectNode choice = (ObjectNode) o.path("choices").path(0);
        if (chat) ((ObjectNode) choice.path("message")).put("content", answer);
        else choice.put("text", answer);
        choice.put("finish_reason", "stop");
        o.set("usage", usage(answer));
        return o.toString();
    }

    /**
     * The captured stream with the answer in place of the model's text: the events before its
     * first piece of text as they were, one event per {@link #chunks chunk} shaped like that first
     * piece, then the events after its last piece (finish reason {@code stop}, usage recounted).
     */
    private static String openAiSse(String model, String answer, boolean chat) {
        List<ObjectNode> events = LlamaServerBodies.events(chat ? "chat-stream.sse" : "completion-stream.sse");
        int first = -1;
        int last = -1;
        for (int i = 0; i < events.size(); i++) {
            if (!LlamaServerBodies.text(events.get(i)).isEmpty()) {
                if (first < 0) first = i;
                last = i;
            }
        }
        StringBuilder out = new StringBuilder();
        for (ObjectNode e : events.subList(0, first)) event(out, e.put("model", model).toString());
        for (String chunk : chunks(answer)) {
            ObjectNode e = events.get(first).deepCopy().put("model", model);
            LlamaServerBodies.setText(e, chunk);
            event(out, e.toString());
        }
        for (ObjectNode e : events.subList(last + 1, events.size())) {
            e.put("model", model);
            JsonNode choice = e.path("choices").path(0);
            if (choice.hasNonNull("finish_reason")) ((ObjectNode) choice).put("finish_reason", "stop");
            if (e.has("usage")) e.set("usage", usage(answer));
            event(out, e.toString());
        }
        event(out, "[DONE]");
        return out.toString();
    }

    private static ObjectNode usage(String answer) {
        int out = outputTokens(answer);
        return JSON.createObjectNode()
                .put("completion_tokens", out)
                .put("prompt_tokens", PROMPT_TOKENS)
                .put("total_tokens", PROMPT_TOKENS + out);
    }

    private static void event(StringBuilder out, String data) {
        out.append("data: ").append(data).append("\n\n");
    }
}
