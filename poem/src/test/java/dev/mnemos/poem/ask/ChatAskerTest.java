package dev.mnemos.poem.ask;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.runtime.model.ChatModels;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import dev.mnemos.runtime.model.ProcessorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

class ChatAskerTest {

    static final Task TASK = new Task("Say positive or negative.", "Review: {input}\nSentiment: {output}", "Review: {input}\nSentiment:",
            "\n\n", "Review: {input}", List.of("positive", "negative"));
    static final List<Example> EXAMPLES = List.of(new Example("Lovely hotel.", "positive"), new Example("Dirty room.", "negative"));

    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    ProcessorConfig openAi() {
        return ProcessorConfig.builder().backend("openai").baseUrl(server.baseUrl() + "/v1").model("qwen2.5-7b-instruct")
                .apiKey("test").retries(0).timeout(Duration.ofSeconds(10)).build();
    }

    ProcessorConfig ollama() {
        return ollama(Duration.ofSeconds(10));
    }

    ProcessorConfig ollama(Duration timeout) {
        return ProcessorConfig.builder().backend("ollama").baseUrl(server.baseUrl()).model("llama3.2").retries(0)
                .timeout(timeout).build();
    }

    @Test
    void sendsExamplesAsTurnsToOllamaAndReadsTheAnswer() throws Exception {
        ModelServerStubs.answer(server, Api.OLLAMA_CHAT, "llama3.2", "Negative.", false);
        ChatAsker asker = ChatAsker.builder().model(ChatModels.create(ollama())).task(TASK).config(ollama()).build();
        Reply reply = asker.ask("Cold shower.", EXAMPLES);
        assertEquals("Negative.", reply.text());
        assertFalse(reply.hasLogProbs(), "LangChain4j's Ollama client reports no log-probabilities");
        server.verify(postRequestedFor(urlPathEqualTo("/api/chat"))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("Review: Lovely hotel.")))
                .withRequestBody(matchingJsonPath("$.messages[2].role", equalTo("assistant")))
                .withRequestBody(matchingJsonPath("$.messages[2].content", equalTo("positive")))
                .withRequestBody(matchingJsonPath("$.messages[5].content", equalTo("Review: Cold shower."))));
    }

    @Test
    void theCompletionStyleSendsTheTemplatesPromptToGenerate() throws Exception {
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, "llama3.2", " negative", false);
        try (var processor = dev.mnemos.runtime.model.Processors.create(ollama())) {
            Reply reply = new CompletionAsker(processor, TASK).ask("Cold shower.", EXAMPLES);
            assertEquals(" negative", reply.text());
        }
        server.verify(postRequestedFor(urlPathEqualTo("/api/generate"))
                .withRequestBody(matchingJsonPath("$.prompt", equalTo(TASK.render("Cold shower.", EXAMPLES)))));
    }

    @Test
    void serverFailuresBecomeOneLineModelExceptions() {
        ModelServerStubs.serverError(server, Api.OLLAMA_CHAT, 500, "llama runner process has terminated");
        ChatAsker asker = ChatAsker.builder().model(ChatModels.create(ollama())).task(TASK).config(ollama()).build();
        ModelException e = assertThrows(ModelException.class, () -> asker.ask("q", EXAMPLES));
        assertEquals(ModelException.Kind.SERVER_ERROR, e.kind());
        assertFalse(e.getMessage().contains("\n"));

        server.resetAll();
        ModelServerStubs.ollamaModelNotFound(server, "llama3.2");
        assertEquals(ModelException.Kind.MODEL_NOT_FOUND, assertThrows(ModelException.class, () -> asker.ask("q", EXAMPLES)).kind());

        server.resetAll();
        ModelServerStubs.slowAnswer(server, Api.OLLAMA_CHAT, "llama3.2", "positive", false, Duration.ofMillis(6000));
        ChatAsker impatient = ChatAsker.builder().model(ChatModels.create(ollama(Duration.ofSeconds(2)))).task(TASK).config(ollama(Duration.ofSeconds(2))).build();
        assertEquals(ModelException.Kind.TIMEOUT, assertThrows(ModelException.class, () -> impatient.ask("q", EXAMPLES)).kind());

        server.resetAll();
        ModelServerStubs.rawBody(server, Api.OLLAMA_CHAT, "{\"model\":\"llama3.2\",\"message\":{\"role\":\"assi");
        assertEquals(ModelException.Kind.BAD_RESPONSE, assertThrows(ModelException.class, () -> asker.ask("q", EXAMPLES)).kind());
    }
}
