package dev.mnemos.http;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.ModelServerStubs.Api;

import static dev.mnemos.http.ModelTestSupport.config;
import static dev.mnemos.http.ModelTestSupport.onlyRequestBody;
import static dev.mnemos.http.ModelTestSupport.processor;
import static dev.mnemos.http.ModelTestSupport.requests;
import static dev.mnemos.http.OllamaProcessorTest.INSTRUCTION;
import static dev.mnemos.http.OllamaProcessorTest.PROMPT;
import static dev.mnemos.http.OllamaProcessorTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiProcessorTest {

    static final String MODEL = "Qwen/Qwen2.5-7B-Instruct";

    @RegisterExtension
    static final ModelServer server = new ModelServer();

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void completionContinuesThePromptOnV1Completions(boolean stream) throws Exception {
        ModelServerStubs.answer(server, Api.OPENAI_COMPLETIONS, MODEL, INSTRUCTION, stream);
        ProcessorConfig config = config(server, Api.OPENAI_COMPLETIONS, MODEL, stream)
                .maxTokens(24).stop(List.of("\n")).apiKey("sk-local").build();

        Answer answer = processor(config).process(PROMPT);

        assertEquals(INSTRUCTION, answer.text());
        assertEquals(ModelServerStubs.PROMPT_TOKENS, answer.inputTokens());
        assertEquals(ModelServerStubs.outputTokens(INSTRUCTION), answer.outputTokens());
        JsonNode body = onlyRequestBody(server);
        assertEquals(MODEL, body.get("model").asText());
        assertEquals(PROMPT, body.get("prompt").asText());
        assertEquals(0.0, body.get("temperature").asDouble(-1));
        assertEquals(24, body.get("max_tokens").asInt());
        assertEquals(List.of("\n"), texts(body.get("stop")));
        assertEquals(stream, body.get("stream").asBoolean());
        assertEquals("Bearer sk-local", requests(server).get(0).getHeader("Authorization"));
    }

    @Test
    void completionWithoutKeySendsAPlaceholderAndNoUnsetOptions() throws Exception {
        ModelServerStubs.answer(server, Api.OPENAI_COMPLETIONS, MODEL, INSTRUCTION, false);

        processor(config(server, Api.OPENAI_COMPLETIONS, MODEL, false).build()).process(PROMPT);

        JsonNode body = onlyRequestBody(server);
        assertFalse(body.has("max_tokens"));
        assertFalse(body.has("stop"));
        assertEquals("Bearer no-key", requests(server).get(0).getHeader("Authorization"));
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void chatSendsSystemAndUserMessagesToV1ChatCompletions(boolean stream) throws Exception {
        ModelServerStubs.answer(server, Api.OPENAI_CHAT, MODEL, INSTRUCTION, stream);
        ProcessorConfig config = config(server, Api.OPENAI_CHAT, MODEL, stream)
                .systemInstruction("Answer with one instruction.")
                .maxTokens(32).stop(List.of("\n")).build();

        Answer answer = processor(config).process(PROMPT);

        assertEquals(INSTRUCTION, answer.text());
        assertEquals(ModelServerStubs.PROMPT_TOKENS, answer.inputTokens());
        assertEquals(ModelServerStubs.outputTokens(INSTRUCTION), answer.outputTokens());
        JsonNode body = onlyRequestBody(server);
        assertEquals(MODEL, body.get("model").asText());
        assertEquals(0.0, body.get("temperature").asDouble(-1));
        assertEquals(32, body.get("max_tokens").asInt());
        assertEquals(List.of("\n"), texts(body.get("stop")));
        assertEquals(stream, body.path("stream").asBoolean(false));
        JsonNode messages = body.get("messages");
        assertEquals(2, messages.size());
        assertEquals("system", messages.get(0).get("role").asText());
        assertEquals("Answer with one instruction.", messages.get(0).get("content").asText());
        assertEquals("user", messages.get(1).get("role").asText());
        assertEquals(PROMPT, messages.get(1).get("content").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"OPENAI_COMPLETIONS", "OPENAI_CHAT"})
    void proseAroundTheAnswerComesBackUnchanged(String apiName) throws Exception {
        Api api = Api.valueOf(apiName);
        String chatty = "Sure! Here is the next instruction:\n\n" + INSTRUCTION + "\n\nLet me know if you need more.";
        ModelServerStubs.answer(server, api, MODEL, chatty, false);

        Answer answer = processor(config(server, api, MODEL, false).build()).process(PROMPT);

        assertEquals(chatty, answer.text());
    }

    @Test
    void baseUrlIsRequired() {
        ProcessorConfig config = ProcessorConfig.builder().backend("openai").model(MODEL).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OpenAiProcessor(config));

        assertEquals("the openai backend needs a base URL, e.g. http://localhost:8000/v1", e.getMessage());
    }
}
