package dev.mnemos.facts.langchain4j;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.service.AiServices;
import dev.mnemos.embed.Encoder;
import dev.mnemos.facts.FactMemory;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An AI service with the fact memory as its content retriever, against WireMock's Ollama, with
 * the real MiniLM encoder: the fact the memory recalls for the question is in the prompt the model
 * gets, and after an edit the new fact is, the old one not.
 */
class AiServiceTest {

    @RegisterExtension
    static final ModelServer server = new ModelServer();

    interface Assistant {
        String chat(String question);
    }

    @Test
    void theRecalledFactGoesIntoThePromptAndAnEditReplacesIt() {
        server.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", Api.OLLAMA_CHAT.contentType(false))
                .withBody(Api.OLLAMA_CHAT.body("llama3.2", "Lisbon", false))));
        FactRetriever facts = FactRetriever.builder()
                .memory(FactMemory.builder().encoder(Encoder.miniLm()::encode).slots(256).build())
                .minConfidence(0.5)
                .build();
        facts.write("Ada Moss lives in", "Ada Moss lives in Lisbon.");
        facts.write("Ben Ortiz works for", "Ben Ortiz works for Cobalt Bank.");
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(OllamaChatModel.builder().baseUrl(server.baseUrl()).modelName("llama3.2").build())
                .contentRetriever(facts)
                .build();

        assertEquals("Lisbon", assistant.chat("Which city does Ada Moss live in?"));
        facts.forget("Ada Moss lives in", "Ada Moss lives in Lisbon.");
        facts.write("Ada Moss lives in", "Ada Moss lives in Perth.");
        assistant.chat("Which city does Ada Moss live in?");

        List<LoggedRequest> prompts = server.findAll(postRequestedFor(urlPathEqualTo("/api/chat")));
        assertEquals(2, prompts.size());
        assertTrue(prompts.get(0).getBodyAsString().contains("Ada Moss lives in Lisbon."), prompts.get(0).getBodyAsString());
        assertTrue(prompts.get(1).getBodyAsString().contains("Ada Moss lives in Perth."), prompts.get(1).getBodyAsString());
        assertFalse(prompts.get(1).getBodyAsString().contains("Lisbon"), prompts.get(1).getBodyAsString());
    }
}
