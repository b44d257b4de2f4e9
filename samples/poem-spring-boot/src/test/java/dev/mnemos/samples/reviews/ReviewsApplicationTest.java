package dev.mnemos.samples.reviews;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.Selection;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.MemoryStores;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The sample as its README starts it (its main class with its own application.properties, the
 * examples of samples/poem), on a free port, with Ollama's /api/chat on WireMock: both endpoints
 * over HTTP, the examples reaching the model in POEM's order, the README's requests, a model that
 * fails, and the feedback kept in the memory file. One application for the class; the last test
 * stops it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewsApplicationTest {

    @RegisterExtension
    static final WireMockExtension ollama = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().http2PlainDisabled(true)).build();

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String REVIEW = "The room smelled of smoke and the sheets were stained.";
    static final String TRAINED = "Our room smelled of cigarettes.";   // a review training would have taught

    @TempDir
    static Path dir;

    static ConfigurableApplicationContext app;
    static int port;
    static Poem poem;

    @BeforeAll
    static void start() {
        app = SpringApplication.run(ReviewsApplication.class, "--server.port=0",
                "--spring.ai.ollama.base-url=" + ollama.baseUrl(), "--mnemos.poem.memory.file=" + dir.resolve("reviews.poem"));
        port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        poem = app.getBean(Poem.class);
        poem.feedback(TRAINED, Permutation.of(4, 3, 2, 1), 1.0);
        poem.feedback(TRAINED, Permutation.identity(4), 0.0);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @BeforeEach
    void answerNegative() {
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(Api.OLLAMA_CHAT.response("llama3.2", "Negative.", false)));
    }

    static HttpResponse<String> postJson(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The messages of the last request Ollama got, as "role: content". */
    static List<String> lastChat() throws Exception {
        var requests = ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")));
        List<String> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(requests.get(requests.size() - 1).getBodyAsString()).get("messages")) {
            out.add(m.get("role").asText() + ": " + m.get("content").asText());
        }
        return out;
    }

    @Test
    @Order(1)
    void classifiesWithTheExamplesInTheOrderTheMemoryLearnedAndTakesFeedbackOnce() throws Exception {
        HttpResponse<String> classified = postJson("/classify", "{\"review\": \"" + REVIEW + "\"}");

        assertEquals(200, classified.statusCode(), classified.body());
        JsonNode c = JSON.readTree(classified.body());
        assertEquals("negative", c.get("label").asText(), "read out of the model's \"Negative.\"");
        assertEquals("Negative.", c.get("answer").asText());
        assertEquals("[4,3,2,1]", c.get("order").toString(), "learned on a similar review");
        assertEquals("learned", c.get("basis").asText());
        Selection s = poem.select(REVIEW); // the same memory, the same review: the selection the advisor made
        List<String> expected = new ArrayList<>(List.of("system: " + poem.task().instruction()));
        for (Example e : s.ordered()) expected.addAll(List.of("user: Review: " + e.input(), "assistant: " + e.output()));
        expected.add("user: Review: " + REVIEW);
        assertEquals(expected, lastChat());

        HttpResponse<String> feedback = postJson("/feedback", "{\"id\": \"" + c.get("id").asText() + "\", \"label\": \"negative\"}");
        assertEquals(200, feedback.statusCode(), feedback.body());
        assertEquals(1.0, JSON.readTree(feedback.body()).get("reward").asDouble());
        HttpResponse<String> again = postJson("/feedback", "{\"id\": \"" + c.get("id").asText() + "\", \"label\": \"negative\"}");
        assertEquals(404, again.statusCode(), "each classification takes one feedback");
        assertTrue(JSON.readTree(again.body()).get("message").asText().startsWith("no classification " + c.get("id").asText()));
    }

    @Test
    @Order(2)
    void badRequestsAreRefusedNamingWhatIsWrong() throws Exception {
        HttpResponse<String> label = postJson("/feedback", "{\"id\": \"x\", \"label\": \"neutral\"}");
        assertEquals(400, label.statusCode());
        assertEquals("label must be one of [positive, negative], got neutral", JSON.readTree(label.body()).get("message").asText());
        HttpResponse<String> blank = postJson("/classify", "{\"review\": \" \"}");
        assertEquals(400, blank.statusCode());
        assertEquals("give a review to classify", JSON.readTree(blank.body()).get("message").asText());
    }

    @Test
    @Order(3)
    void aModelThatFailsIsABadGatewayWithOllamasReason() throws Exception {
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).withRequestBody(containing("The lift was broken"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"error\":\"model \\\"llama3.2\\\" not found, try pulling it first\"}")));

        HttpResponse<String> r = postJson("/classify", "{\"review\": \"The lift was broken.\"}");

        assertEquals(502, r.statusCode(), r.body());
        String message = JSON.readTree(r.body()).get("message").asText();
        assertTrue(message.startsWith("the chat model did not answer: ") && message.contains("not found, try pulling it first"), message);
    }

    /** poem/README.md's Spring section shows two curl requests: they are sent as written (port and id aside). */
    @Test
    @Order(4)
    void theReadmesRequestsWork() throws Exception {
        List<ReadmeSection.Request> shown = ReadmeSection.requests();
        assertEquals(List.of("/classify", "/feedback"), shown.stream().map(ReadmeSection.Request::path).toList());

        HttpResponse<String> classified = postJson("/classify", shown.get(0).body());
        assertEquals(200, classified.statusCode(), classified.body());
        String id = JSON.readTree(classified.body()).get("id").asText();
        JsonNode feedback = JSON.readTree(shown.get(1).body());
        HttpResponse<String> r = postJson("/feedback", JSON.createObjectNode().put("id", id).set("label", feedback.get("label")).toString());
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    @Order(5)
    void theFeedbackIsInTheMemoryFileOnceTheAppStops() throws Exception {
        app.close(); // autosave writes the file on shutdown

        try (MemoryStore saved = MemoryStores.open(dir.resolve("reviews.poem").toString())) {
            assertEquals(180, saved.pool().orElseThrow().size(), "the train split of samples/poem/reviews.jsonl");
            assertEquals(4, saved.memory().size(), "two seeded entries and the two feedbacks'");
        }
    }
}
