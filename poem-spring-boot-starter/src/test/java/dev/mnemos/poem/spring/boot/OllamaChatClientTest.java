package dev.mnemos.poem.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.Selection;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.spring.ai.PoemAdvisor;
import dev.mnemos.poem.store.Autosave;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.MemoryStores;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The starter in a whole Spring Boot application with Spring AI's Ollama starter, whose client talks
 * to WireMock's /api/chat: what reaches the model, in what order, called and streamed, beside Spring
 * AI's chat memory; the feedback in the memory file; the health indicator and the meters. One
 * application context for the class (MiniLM, the starter's default encoder, loads once).
 */
@SpringBootTest(classes = TestApplication.class, properties = {
        "spring.ai.model.embedding=none",                 // no EmbeddingModel bean: the starter's MiniLM
        "spring.ai.ollama.chat.options.model=llama3.2",
        "spring.ai.retry.max-attempts=1",
        "mnemos.poem.examples=classpath:reviews.jsonl",
        "mnemos.poem.task=classpath:reviews.task.json",
        "mnemos.poem.m=3",
        "management.endpoint.health.show-details=always",
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"}) // a file memory here
class OllamaChatClientTest {

    /** Spring's RestClient over the JDK's HttpClient offers HTTP/2 by upgrade, which Ollama ignores and WireMock's Jetty answers by resetting the stream. */
    @RegisterExtension
    static final WireMockExtension ollama = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().http2PlainDisabled(true)).build();

    @TempDir
    static Path dir;

    static final String SYSTEM = "Say whether the review is positive or negative. Answer with one word: positive or negative.";
    static final String QUERY = "The bathroom was dirty and the towels smelled.";
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.ollama.base-url", ollama::baseUrl);
        registry.add("mnemos.poem.memory.file", () -> dir.resolve("reviews.poem").toString());
    }

    @Autowired ChatClient.Builder chatClients;
    @Autowired PoemAdvisor poemAdvisor;
    @Autowired Poem poem;
    @Autowired MemoryStore store;
    @Autowired Autosave autosave;
    @Autowired ChatMemory chatMemory;
    @Autowired MeterRegistry meters;
    @Autowired HealthEndpoint health;

    ChatClient chat;

    @BeforeEach
    void setUp() {
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(Api.OLLAMA_CHAT.response("llama3.2", "negative", false)));
        chat = chatClients.clone().defaultSystem(SYSTEM).defaultAdvisors(poemAdvisor).build();
    }

    /** role: content of each message of each /api/chat request, in the order they were sent. */
    static List<List<String>> sent() throws Exception {
        List<List<String>> requests = new ArrayList<>();
        for (LoggedRequest r : ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))) {
            List<String> messages = new ArrayList<>();
            for (JsonNode m : JSON.readTree(r.getBodyAsString()).get("messages")) {
                messages.add(m.get("role").asText() + ": " + m.get("content").asText());
            }
            requests.add(messages);
        }
        return requests;
    }

    static List<String> expected(Selection s, String... rest) {
        List<String> out = new ArrayList<>(List.of("system: " + SYSTEM));
        for (Example e : s.ordered()) {
            out.add("user: Review: " + e.input());
            out.add("assistant: " + e.output());
        }
        out.addAll(List.of(rest));
        return out;
    }

    @Test
    void ollamaGetsTheSystemMessageTheExamplesInTheLearnedOrderAndTheQuery() throws Exception {
        Selection first = PoemAdvisor.selection(chat.prompt().user("Review: " + QUERY).call().chatClientResponse()).orElseThrow();
        assertEquals(List.of("The pool was closed for our whole stay.", "The jokes fell flat and the children got bored.",
                "The animation was choppy and the colours muddy."), first.ranked().byRank().stream().map(Example::input).toList(),
                "MiniLM's three nearest, most similar first");
        poemAdvisor.feedback(first, 0.0);
        poem.feedback(QUERY, Permutation.of(3, 1, 2), 1.0);

        ChatClientResponse second = chat.prompt().user("Review: " + QUERY).call().chatClientResponse();

        Selection learned = PoemAdvisor.selection(second).orElseThrow();
        assertEquals(Selection.Basis.LEARNED, learned.basis());
        assertEquals(Permutation.of(3, 1, 2), learned.action());
        assertEquals("negative", second.chatResponse().getResult().getOutput().getText());
        assertEquals(List.of(
                List.of("system: " + SYSTEM,
                        "user: Review: The pool was closed for our whole stay.", "assistant: negative",
                        "user: Review: The jokes fell flat and the children got bored.", "assistant: negative",
                        "user: Review: The animation was choppy and the colours muddy.", "assistant: negative",
                        "user: Review: " + QUERY),
                List.of("system: " + SYSTEM,                  // learned: rank 3 first, then 1, then 2
                        "user: Review: The animation was choppy and the colours muddy.", "assistant: negative",
                        "user: Review: The pool was closed for our whole stay.", "assistant: negative",
                        "user: Review: The jokes fell flat and the children got bored.", "assistant: negative",
                        "user: Review: " + QUERY)), sent());
        assertSame(learned, PoemAdvisor.selection(second.chatResponse()).orElseThrow(), "in the response metadata too");
    }

    @Test
    void aStreamedCallSendsTheSameOrderAndEveryChunkCarriesTheSelection() throws Exception {
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(Api.OLLAMA_CHAT.response("llama3.2", "positive", true)));
        String query = "Lovely quiet rooms and a friendly desk.";

        List<ChatClientResponse> chunks = chat.prompt().user(query).stream().chatClientResponse().collectList().block();

        assertTrue(chunks.size() > 1, "streamed in chunks: " + chunks.size());
        Selection s = PoemAdvisor.selection(chunks.get(0)).orElseThrow();
        chunks.forEach(c -> assertSame(s, PoemAdvisor.selection(c).orElseThrow()));
        assertEquals("positive", String.join("", chunks.stream().map(c -> c.chatResponse().getResult().getOutput().getText()).toList()));
        assertEquals(List.of(expected(s, "user: " + query)), sent());
        assertTrue(JSON.readTree(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat"))).get(0).getBodyAsString()).get("stream").asBoolean());
    }

    @Test
    void besideSpringAisChatMemoryTheExamplesPrecedeTheHistoryAndStayOutOfTheMemory() throws Exception {
        ChatClient withMemory = chatClients.clone().defaultSystem(SYSTEM)
                .defaultAdvisors(MessageChatMemoryAdvisor.builder(chatMemory).build(), poemAdvisor).build();
        String followUp = "Also, the breakfast was stale.";

        withMemory.prompt().user(QUERY).advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "guest-7")).call().content();
        Selection s = PoemAdvisor.selection(withMemory.prompt().user(followUp)
                .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "guest-7")).call().chatClientResponse()).orElseThrow();

        assertEquals(followUp, s.query());
        assertEquals(expected(s, "user: " + QUERY, "assistant: negative", "user: " + followUp), sent().get(1));
        assertEquals(List.of("USER " + QUERY, "ASSISTANT negative", "USER " + followUp, "ASSISTANT negative"),
                chatMemory.get("guest-7").stream().map(m -> m.getMessageType() + " " + m.getText()).toList());
    }

    @Test
    void feedbackReachesTheMemoryFileTheHealthIndicatorAndTheMeters() throws Exception {
        double feedbackBefore = meters.get("poem.feedback").summary().count();
        long readsBefore = meters.get("poem.read").timer().count();
        double selectionsBefore = meters.get("poem.selections").counters().stream().mapToDouble(c -> c.count()).sum();
        String query = "The heating never worked in our room.";

        Selection s = PoemAdvisor.selection(chat.prompt().user(query).call().chatClientResponse()).orElseThrow();
        poemAdvisor.feedback(s, 1.0);
        assertTrue(autosave.saveIfChanged(), "the feedback changed the memory");

        try (MemoryStore saved = MemoryStores.open(dir.resolve("reviews.poem").toString())) {
            assertEquals(1.0, saved.memory().reward(s.state(), s.action()).orElseThrow(), "in the file");
            assertEquals(store.memory().size(), saved.memory().size());
        }
        assertEquals(feedbackBefore + 1, meters.get("poem.feedback").summary().count());
        assertEquals(readsBefore + 1, meters.get("poem.read").timer().count(), "one memory read per selection");
        assertEquals(selectionsBefore + 1, meters.get("poem.selections").counters().stream().mapToDouble(c -> c.count()).sum());

        Health poemHealth = (Health) health.healthForPath("poem");
        assertEquals(Status.UP, poemHealth.getStatus());
        assertEquals(store.memory().size(), poemHealth.getDetails().get("episodes"));
        assertEquals(dir.resolve("reviews.poem").toString(), poemHealth.getDetails().get("location"));
        assertNotEquals("never", poemHealth.getDetails().get("lastSave"));
        assertEquals(3, poemHealth.getDetails().get("m"));
        assertEquals("all-minilm-l6-v2", poemHealth.getDetails().get("encoder"));
    }
}
