package dev.mnemos.poem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mnemos.embed.Encoder;
import dev.mnemos.embed.TestEncoders;
import dev.mnemos.poem.action.Permutations;
import dev.mnemos.poem.ask.Asker;
import dev.mnemos.poem.ask.ChatAsker;
import dev.mnemos.poem.ask.CompletionAsker;
import dev.mnemos.poem.data.Dataset;
import dev.mnemos.poem.data.JsonLinesReader;
import dev.mnemos.poem.eval.EvalReport;
import dev.mnemos.poem.eval.Evaluator;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.reward.ExactMatch;
import dev.mnemos.poem.sim.RegionalModel;
import dev.mnemos.poem.sim.SampleData;
import dev.mnemos.poem.train.Trainer;
import dev.mnemos.poem.tune.ReadTuner;
import dev.mnemos.poem.tune.TuningReport;
import dev.mnemos.runtime.model.ChatModels;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The proof that per-query reads add something: on {@code samples/poem/regions.jsonl} (hotel and
 * phone reviews, each idea written three ways, so a query's nearest example is usually a
 * paraphrase with its label while its other neighbours carry mixed labels) the model copies the
 * label of the example shown first for hotel reviews and of the one shown last for phone reviews
 * (90% of the time; else the majority label). No fixed order serves both. POEM with its defaults
 * (m = 4, T = 8, the read tuned by cross-validation on the training episodes) must beat the best
 * fixed order, most-similar-first and most-similar-last by 10 points, through the real LangChain4j
 * Ollama chat client and through the raw completion path; two broken memories must not.
 */
class RegionalProofTest {

    static WireMockServer server;
    static Dataset data;
    static Task task;

    @BeforeAll
    static void start() throws IOException {
        Path file = SampleData.dir().resolve("regions.jsonl");
        data = new JsonLinesReader(0.7, 1).read(file);
        task = Task.read(SampleData.dir().resolve("regions.task.json"));
        Map<String, Boolean> copiesFirst = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = json.readTree(line);
            copiesFirst.put(n.path("input").asText(), n.path("region").asText().equals("hotel"));
        }
        server = new WireMockServer(options().dynamicPort().extensions(new RegionalModel(copiesFirst, 0.9, 42)).containerThreads(16));
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(aResponse().withTransformers(RegionalModel.NAME)));
        server.stubFor(post(urlPathEqualTo("/api/generate")).willReturn(aResponse().withTransformers(RegionalModel.NAME)));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    ProcessorConfig.Builder config() {
        return ProcessorConfig.builder().backend("ollama").baseUrl(server.baseUrl()).model("regional:7b").retries(0);
    }

    @Test
    void throughTheLangChain4jOllamaChatClient() throws Exception {
        Asker chat = ChatAsker.builder().model(ChatModels.create(config().build())).task(task).build();
        assertPoemWinsWhereNoFixedOrderDoes(chat, "chat");
    }

    @Test
    void throughTheRawCompletionPath() throws Exception {
        Asker completion = new CompletionAsker(Processors.create(config().style(dev.mnemos.runtime.model.Style.COMPLETION).build()), task);
        assertPoemWinsWhereNoFixedOrderDoes(completion, "completion");
    }

    void assertPoemWinsWhereNoFixedOrderDoes(Asker asker, String path) throws Exception {
        Encoder encoder = TestEncoders.miniLm();
        EpisodicMemory memory = EpisodicMemory.builder().dimension(encoder.dimension()).build();   // defaults
        Poem poem = Poem.builder().pool(ExamplePool.of(data.train(), encoder)).encoder(encoder).estimator(memory).task(task).build();
        Trainer trainer = Trainer.builder().poem(poem).asker(asker).reward(new ExactMatch(task.labels())).seed(7).build(); // T = 8
        trainer.train();
        TuningReport tuning = ReadTuner.builder().build().tune(memory);  // training episodes only
        memory.read(tuning.chosen());

        EvalReport report = Evaluator.builder().poem(poem).asker(asker).labels(task.labels())
                .learner("poem", memory)
                .learner("wrong-read", new LearningProofTest.ArgminRead(memory))
                .learner("wrong-write", misfiled(memory))
                .bestFixed(trainer.log().bestFixedOrder().orElseThrow())
                .concurrency(4).seed(3).build().evaluate(data.test());
        System.out.println(path + "\n" + tuning.table() + report.table());

        assertTrue(passes(report, "poem"), path + ": POEM must beat best-fixed, most-similar-first and most-similar-last by 10 points\n" + report.table());
        assertFalse(passes(report, "wrong-read"), "a memory reading the worst order must fail the bar");
        assertFalse(passes(report, "wrong-write"), "a memory filing rewards under random orders must fail the bar");
        assertTrue(tuning.chosenScore() > tuning.bestFixed(), "cross-validation already sees the per-query read win");
    }

    static boolean passes(EvalReport report, String method) {
        double score = accuracy(report, method);
        for (String baseline : List.of("best-fixed", "most-similar-first", "most-similar-last")) {
            if (score < accuracy(report, baseline) + 0.10) return false;
        }
        return true;
    }

    static double accuracy(EvalReport report, String method) {
        return report.method(method).orElseThrow().score().mean();
    }

    /**
     * The same episodes, each filed under a random order, read like the tuned memory. The order is
     * drawn from the episode itself (its state and true order), not from the order in which the
     * training's queries happened to finish, so the broken memory is the same in every run.
     */
    static EpisodicMemory misfiled(EpisodicMemory trained) {
        EpisodicMemory broken = EpisodicMemory.builder().dimension(trained.dimension()).read(trained.read()).build();
        List<Episode> episodes = new ArrayList<>();
        for (Episode e : trained.episodes()) {
            Random random = new Random(5L * java.util.Arrays.hashCode(e.state()) + e.action().index());
            episodes.add(new Episode(e.state(), Permutations.random(4, random), e.reward(), e.time()));
        }
        broken.addAll(episodes);
        return broken;
    }
}
