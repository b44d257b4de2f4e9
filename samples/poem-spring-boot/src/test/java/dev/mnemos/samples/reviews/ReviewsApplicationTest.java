package dev.mnemos.samples.reviews;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.MemoryStores;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import org.junit.jupiter.api.Test;
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

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The sample as its README starts it (its main class with its application.properties, the examples
 * of samples/poem), on a free port, with Ollama's /api/chat on WireMock: both endpoints over HTTP,
 * the examples reaching the model in POEM's order, and the feedback kept in the memory file.
 */
class ReviewsApplicationTest {

    @RegisterExtension
    static final WireMockExtension ollama = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().http2PlainDisabled(true)).build();

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    static HttpResponse<String> postJson(int port, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<String> lastChat() throws Exception {
        var requests = ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")));
        List<String> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(requests.get(requests.size() - 1).getBodyAsString()).get("messages")) {
            out.add(m.get("role").asText() + ": " + m.get("content").asText());
        }
        return out;
    }

    @Test
    void classifiesWithPoemOrderedExamplesAndLearnsFromFeedback() throws Exception {
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(Api.OLLAMA_CHAT.response("llama3.2", "Negative.", false)));
        Path memory = dir.resolve("reviews.poem");
        String review = "The room smelled of smoke and the sheets were stained.";

        try (ConfigurableApplicationContext app = SpringApplication.run(ReviewsApplication.class, "--server.port=0",
                "--spring.ai.ollama.base-url=" + ollama.baseUrl(), "--mnemos.poem.memory.file=" + memory)) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            String trained = "Our room smelled of cigarettes.";                              // what training would have taught
            app.getBean(Poem.class).feedback(trained, Permutation.of(4, 3, 2, 1), 1.0);
            app.getBean(Poem.class).feedback(trained, Permutation.identity(4), 0.0);

            HttpResponse<String> classified = postJson(port, "/classify", "{\"review\": \"" + review + "\"}");

            assertEquals(200, classified.statusCode(), classified.body());
            JsonNode c = JSON.readTree(classified.body());
            assertEquals("negative", c.get("label").asText(), "read out of the model's \"Negative.\"");
            assertEquals("[4,3,2,1]", c.get("order").toString());
            assertEquals("learned", c.get("basis").asText());
            List<String> sent = lastChat();
            assertEquals(10, sent.size(), "system, four examples as user/assistant turns, the review: " + sent);
            assertTrue(sent.get(0).startsWith("system: Say whether the review is positive or negative."));
            assertEquals("user: " + review, sent.get(9));
            for (int i = 1; i < 9; i += 2) {
                assertTrue(sent.get(i).startsWith("user: Review: "), sent.get(i));
                assertTrue(sent.get(i + 1).equals("assistant: positive") || sent.get(i + 1).equals("assistant: negative"), sent.get(i + 1));
            }

            HttpResponse<String> feedback = postJson(port, "/feedback", "{\"id\": \"" + c.get("id").asText() + "\", \"label\": \"negative\"}");
            assertEquals(200, feedback.statusCode(), feedback.body());
            assertEquals(1.0, JSON.readTree(feedback.body()).get("reward").asDouble());

            assertEquals(404, postJson(port, "/feedback", "{\"id\": \"" + c.get("id").asText() + "\", \"label\": \"negative\"}").statusCode(),
                    "each classification takes one feedback");
            assertEquals(400, postJson(port, "/feedback", "{\"id\": \"x\", \"label\": \"neutral\"}").statusCode());
            assertEquals(400, postJson(port, "/classify", "{\"review\": \" \"}").statusCode());
        }

        try (MemoryStore saved = MemoryStores.open(memory.toString())) { // saved on shutdown
            assertEquals(180, saved.pool().orElseThrow().size(), "the train split of samples/poem/reviews.jsonl");
            assertEquals(3, saved.memory().size(), "two seeded entries and the feedback's");
        }
    }
}
