package dev.mnemos.samples.reviews;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.Selection;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.reward.Answers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sample with its profile {@code local}: the real SmolLM2-135M (fetched by the build into the
 * model directory) run in this process by mnemos-llama, as Spring AI's ChatModel. What the model got,
 * message by message, is recorded between the Spring AI adapter and the local model; the answer
 * /classify gives is the model's own.
 */
@SpringBootTest(classes = ReviewsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@Import(LocalModelTest.Recording.class)
class LocalModelTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void memoryFile(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("local-model-test");
        registry.add("mnemos.poem.memory.file", () -> dir.resolve("reviews.poem").toString());
    }

    /** The local model with every request it got and every answer it gave kept. */
    static final class RecordingModel implements ChatModel {
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
        final List<ChatResponse> answers = new CopyOnWriteArrayList<>();
        private final ChatModel model;

        RecordingModel(ChatModel model) {
            this.model = model;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            requests.add(request);
            ChatResponse answer = model.chat(request);
            answers.add(answer);
            return answer;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {
        @Bean
        @Primary
        RecordingModel recordingModel(@Qualifier("localModel") ChatModel localModel) {
            return new RecordingModel(localModel);
        }
    }

    @LocalServerPort int port;
    @Autowired Poem poem;
    @Autowired RecordingModel model;

    JsonNode post(String path, String body, int status) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static List<String> shown(List<ChatMessage> messages) {
        return messages.stream().map(m -> {
            if (m instanceof SystemMessage s) return "SYSTEM " + s.text();
            if (m instanceof UserMessage u) return "USER " + u.singleText();
            if (m instanceof AiMessage a) return "AI " + a.text();
            return m.toString();
        }).toList();
    }

    @Test
    void smolLm2GetsTheExamplesInTheLearnedOrderAndItsOwnAnswerComesBack() throws Exception {
        String review = "The waiter was rude and the soup arrived cold.";
        poem.feedback("The staff were rude to us.", Permutation.of(2, 1, 4, 3), 1.0);
        poem.feedback("The staff were rude to us.", Permutation.identity(4), 0.0);
        int before = model.requests.size(), answered = model.answers.size();

        JsonNode reply = post("/classify", "{\"review\": \"" + review + "\"}", 200);

        Selection s = poem.select(review); // the same memory, the same review: the selection the advisor made
        assertEquals(Selection.Basis.LEARNED, s.basis());
        assertEquals("[2,1,4,3]", reply.get("order").toString());
        List<String> expected = new ArrayList<>(List.of("SYSTEM " + poem.task().instruction()));
        for (Example e : s.ordered()) expected.addAll(List.of("USER Review: " + e.input(), "AI " + e.output()));
        expected.add("USER Review: " + review);
        assertEquals(before + 1, model.requests.size(), "one model call");
        assertEquals(expected, shown(model.requests.get(before).messages()), "what SmolLM2 got, in order");

        assertEquals(answered + 1, model.answers.size());
        String answer = model.answers.get(answered).aiMessage().text();
        assertEquals(answer, reply.get("answer").asText(), "the model's own answer");
        assertEquals(Answers.label(answer, poem.task().labels()).orElse(answer.strip()), reply.get("label").asText());
        assertEquals("negative", reply.get("label").asText(), "SmolLM2's answer, at temperature 0: " + answer);

        JsonNode feedback = post("/feedback", "{\"id\": \"" + reply.get("id").asText() + "\", \"label\": \"negative\"}", 200);
        assertEquals(1.0, feedback.get("reward").asDouble());
    }

    /** poem/README.md's /classify request on the local profile: SmolLM2's label is the one the README reports. */
    @Test
    void theReadmesReviewGetsTheLabelTheReadmeReports() throws Exception {
        ReadmeSection.Request classify = ReadmeSection.requests().get(0);

        JsonNode reply = post(classify.path(), classify.body(), 200);

        assertEquals(ReadmeSection.smolLm2Label(), reply.get("label").asText(), "SmolLM2's answer: " + reply.get("answer"));
    }

    @Test
    void aReviewPastTheModelsContextIsABadGatewayNamingTheCount() throws Exception {
        String review = "The room was fine but the corridor was noisy. ".repeat(100);

        JsonNode reply = post("/classify", "{\"review\": \"" + review + "\"}", 502);

        assertTrue(reply.get("message").asText().matches("the chat model did not answer: the prompt is [\\d,]+ tokens and the context"
                + " of model smollm2-135m holds 1,024; raise the context .*"), reply.get("message").asText());
    }
}
