package dev.mnemos.http;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.ModelServerStubs.Api;

import static dev.mnemos.http.ModelTestSupport.config;
import static dev.mnemos.http.ModelTestSupport.onlyRequestBody;
import static dev.mnemos.http.ModelTestSupport.processor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OllamaProcessorTest {

    static final String MODEL = "llama3.2";
    static final String INSTRUCTION = "\" op=\"%[B]\" %[i]=\"0\" i+=1 \"";
    static final String PROMPT = "result = \" op=\"%[B]\" %[i]=\"0\" i+=1 \"\nif 0==1 then result = \" op=\"%[A]\" %[i]=\"1\" i+=1 \"\n$result";

    @RegisterExtension
    static final ModelServer server = new ModelServer();

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void completionSendsTheRawPromptToApiGenerate(boolean stream) throws Exception {
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, MODEL, INSTRUCTION, stream);
        ProcessorConfig config = config(server, Api.OLLAMA_GENERATE, MODEL, stream)
                .maxTokens(24).stop(List.of("\n", "$result")).build();

        Answer answer = processor(config).process(PROMPT);

        assertEquals(INSTRUCTION, answer.text());
        assertEquals(ModelServerStubs.PROMPT_TOKENS, answer.inputTokens());
        assertEquals(ModelServerStubs.outputTokens(INSTRUCTION), answer.outputTokens());
        JsonNode body = onlyRequestBody(server);
        assertEquals(MODEL, body.get("model").asText());
        assertEquals(PROMPT, body.get("prompt").asText());
        assertTrue(body.get("raw").asBoolean(), "raw: true bypasses the chat template");
        assertEquals(stream, body.get("stream").asBoolean());
        assertEquals(0.0, body.at("/options/temperature").asDouble(-1));
        assertEquals(24, body.at("/options/num_predict").asInt());
        assertEquals(List.of("\n", "$result"), texts(body.at("/options/stop")));
    }

    @Test
    void completionLeavesUnsetOptionsToTheServer() throws Exception {
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, MODEL, INSTRUCTION, false);

        processor(config(server, Api.OLLAMA_GENERATE, MODEL, false).build()).process(PROMPT);

        JsonNode options = onlyRequestBody(server).get("options");
        assertEquals(0.0, options.get("temperature").asDouble(-1));
        assertFalse(options.has("num_predict"));
        assertFalse(options.has("stop"));
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void chatSendsSystemAndUserMessagesToApiChat(boolean stream) throws Exception {
        ModelServerStubs.answer(server, Api.OLLAMA_CHAT, MODEL, INSTRUCTION, stream);
        ProcessorConfig config = config(server, Api.OLLAMA_CHAT, MODEL, stream)
                .systemInstruction("Continue the program. Answer with one instruction.")
                .maxTokens(32).stop(List.of("\n")).build();

        Answer answer = processor(config).process(PROMPT);

        assertEquals(INSTRUCTION, answer.text());
        assertEquals(ModelServerStubs.PROMPT_TOKENS, answer.inputTokens());
        assertEquals(ModelServerStubs.outputTokens(INSTRUCTION), answer.outputTokens());
        JsonNode body = onlyRequestBody(server);
        assertEquals(MODEL, body.get("model").asText());
        assertEquals(stream, body.get("stream").asBoolean());
        JsonNode messages = body.get("messages");
        assertEquals(2, messages.size());
        assertEquals("system", messages.get(0).get("role").asText());
        assertEquals("Continue the program. Answer with one instruction.", messages.get(0).get("content").asText());
        assertEquals("user", messages.get(1).get("role").asText());
        assertEquals(PROMPT, messages.get(1).get("content").asText());
        assertEquals(0.0, body.at("/options/temperature").asDouble(-1));
        assertEquals(32, body.at("/options/num_predict").asInt());
        assertEquals(List.of("\n"), texts(body.at("/options/stop")));
    }

    @Test
    void chatWithoutSystemInstructionSendsOnlyTheUserMessage() throws Exception {
        ModelServerStubs.answer(server, Api.OLLAMA_CHAT, MODEL, INSTRUCTION, false);

        processor(config(server, Api.OLLAMA_CHAT, MODEL, false).build()).process(PROMPT);

        JsonNode messages = onlyRequestBody(server).get("messages");
        assertEquals(1, messages.size());
        assertEquals("user", messages.get(0).get("role").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"OLLAMA_GENERATE", "OLLAMA_CHAT"})
    void proseAroundTheAnswerComesBackUnchanged(String apiName) throws Exception {
        Api api = Api.valueOf(apiName);
        String chatty = "Sure! Here is the next instruction:\n\n" + INSTRUCTION + "\n\nLet me know if you need more.";
        ModelServerStubs.answer(server, api, MODEL, chatty, true);

        Answer answer = processor(config(server, api, MODEL, true).build()).process(PROMPT);

        assertEquals(chatty, answer.text());
    }

    @Test
    void defaultBaseUrlIsLocalOllama() {
        ProcessorConfig config = ProcessorConfig.builder().model(MODEL).build();

        String fingerprint = new OllamaProcessor(config).fingerprint();

        assertTrue(fingerprint.contains("http://localhost:11434"), fingerprint);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
