package dev.mnemos.poem.fewshot;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import dev.mnemos.embed.Encoder;
import dev.mnemos.embed.TestEncoders;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.sim.SampleData;
import dev.mnemos.poem.train.TrainingLog;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/** The AiServices example of poem/README.md, compiled and run here against WireMock's Ollama; the README must show this very code. */
class ReadmeExampleTest {

    @RegisterExtension
    static final ModelServer server = new ModelServer();
    @TempDir Path dir;

    // README-START
    interface Classifier {
        @SystemMessage("Say whether the review is positive or negative. Answer with one word.")
        String classify(String review);
    }

    void classifyAndLearn(Path memoryFile, String ollamaUrl, Encoder encoder) throws Exception {
        PoemFile.Contents trained = PoemFile.load(memoryFile);                 // made by poem train
        Poem poem = trained.poem(encoder);
        FewShotChatModel model = FewShotChatModel.builder()
                .model(OllamaChatModel.builder().baseUrl(ollamaUrl).modelName("llama3.2").build())
                .fewShot(FewShot.of(poem))
                .build();
        Classifier classifier = AiServices.builder(Classifier.class).chatModel(model)
                .chatMemory(MessageWindowChatMemory.withMaxMessages(10)).build();

        String label = classifier.classify("The shower was cold all week.");  // examples go in, best order
        model.feedback(model.lastSelection().orElseThrow(), label.equals("negative") ? 1 : 0);
        PoemFile.save(memoryFile, trained);                                    // keep what it learned
    }
    // README-END

    @Test
    void theReadmeExampleRunsAndLearns() throws Exception {
        server.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", Api.OLLAMA_CHAT.contentType(false)).withBody(Api.OLLAMA_CHAT.body("llama3.2", "negative", false))));
        Encoder encoder = TestEncoders.miniLm();
        Path memoryFile = dir.resolve("reviews.poem");
        EpisodicMemory empty = EpisodicMemory.builder().dimension(384).build();
        PoemFile.save(memoryFile, new PoemFile.Contents(new PoemFile.Settings(4, ReadSettings.DEFAULT, false, 1000, encoder.id(), 384,
                Permutation.identity(4)), SampleData.reviewsTask(), SampleData.reviews().train().subList(0, 20), empty, new TrainingLog()));

        classifyAndLearn(memoryFile, server.baseUrl(), encoder);

        assertEquals(1, server.findAll(postRequestedFor(urlPathEqualTo("/api/chat"))).size());
        assertEquals(1, PoemFile.load(memoryFile).memory().size(), "the feedback was saved");
        assertEquals(1.0, PoemFile.load(memoryFile).memory().episodes().get(0).reward());
    }

    @Test
    void theReadmeShowsThisCode() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/mnemos/poem/fewshot/ReadmeExampleTest.java"));
        String code = test.substring(test.indexOf("// README-START\n") + 16, test.indexOf("    // README-END")).stripTrailing();
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(code.stripIndent()), "poem/README.md must show the example as the test runs it:\n" + code.stripIndent());
        assertTrue(code.strip().split("\n").length <= 20);
    }
}
