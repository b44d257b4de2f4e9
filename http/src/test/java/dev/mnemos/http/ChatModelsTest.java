package dev.mnemos.http;

import dev.mnemos.runtime.model.ChatModels;
import dev.mnemos.runtime.model.ModelErrors;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.ModelServerStubs.Api;

import static dev.mnemos.http.ModelTestSupport.config;
import static dev.mnemos.http.ModelTestSupport.onlyRequestBody;
import static dev.mnemos.http.ModelTestSupport.requests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.mnemos.runtime.model.ModelException.Kind;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the poem module gets: LangChain4j chat models with our settings and our error messages. */
class ChatModelsTest {

    @RegisterExtension
    static final ModelServer server = new ModelServer();

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OLLAMA_CHAT", "OPENAI_CHAT"})
    void chatModelCarriesTheSettings(Api api) {
        ModelServerStubs.answer(server, api, "m", "action: 2", false);
        ProcessorConfig config = config(server, api, "m", false).temperature(0.3).maxTokens(8).stop(List.of("\n")).build();
        ChatModel model = ChatModels.create(config);

        ChatResponse response = model.chat(UserMessage.from("Which example helps most?"));

        assertEquals("action: 2", response.aiMessage().text());
        JsonNode body = onlyRequestBody(server);
        assertEquals("m", body.get("model").asText());
        JsonNode options = api.isOllama() ? body.get("options") : body;
        assertEquals(0.3, options.get("temperature").asDouble(), 1e-9);
        assertEquals(8, options.get(api.isOllama() ? "num_predict" : "max_tokens").asInt());
        assertEquals("\n", options.get("stop").get(0).asText());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OLLAMA_CHAT", "OPENAI_CHAT"})
    void chatModelRetriesAsConfigured(Api api) {
        ModelServerStubs.failThenAnswer(server, api, "m", 1, 503, "action: 1", false);
        ChatModel model = ChatModels.create(config(server, api, "m", false).retries(1).build());

        assertEquals("action: 1", model.chat("Which?"));
        assertEquals(2, requests(server).size());
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = {"OLLAMA_CHAT", "OPENAI_CHAT"})
    void failuresTranslateToTheSameMessagesAsTheProcessors(Api api) throws Exception {
        ModelServerStubs.ollamaModelNotFound(server, "m");
        ModelServerStubs.openAiModelNotFound(server, "m");
        ProcessorConfig config = config(server, api, "m", false).build();
        ChatModel model = ChatModels.create(config);

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> model.chat("Which?"));
        ModelException translated = ModelErrors.translate(thrown, config);

        ModelException fromProcessor = assertThrows(ModelException.class,
                () -> ModelTestSupport.processor(config).process("Which?"));
        assertEquals(Kind.MODEL_NOT_FOUND, translated.kind());
        assertEquals(fromProcessor.getMessage(), translated.getMessage());
    }
}
