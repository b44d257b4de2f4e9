package dev.mnemos.poem;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.action.Permutations;
import dev.mnemos.poem.ask.ChatAsker;
import dev.mnemos.poem.data.Dataset;
import dev.mnemos.embed.Encoder;
import dev.mnemos.embed.TestEncoders;
import dev.mnemos.poem.eval.EvalReport;
import dev.mnemos.poem.eval.Evaluator;
import dev.mnemos.poem.memory.ActionValueEstimator;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.reward.ExactMatch;
import dev.mnemos.poem.sim.BiasedModel;
import dev.mnemos.poem.sim.SampleData;
import dev.mnemos.poem.train.Trainer;
import dev.mnemos.poem.train.TrainingResult;
import dev.mnemos.runtime.model.ChatModels;
import dev.mnemos.runtime.model.ProcessorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The proof that POEM learns. A model that answers with the label of the example placed last 90%
 * of the time (otherwise the examples' majority label) stands behind WireMock's Ollama chat
 * protocol. POEM is trained on the sample reviews through the real LangChain4j Ollama client and
 * evaluated on the held-out split. It must recover the bias: within 2 points of the best fixed
 * order, 10 points or more above random order. Two broken memories, one that reads the worst
 * action and one whose writes file rewards under the wrong action, must miss the bar, which shows
 * the bar is one that wrong reads or writes cannot pass.
 */
class LearningProofTest {

    static final BiasedModel MODEL = new BiasedModel(0.9, 42);
    static WireMockServer server;
    static ChatModel chat;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().extensions(MODEL).containerThreads(16));
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(aResponse().withTransformers(BiasedModel.NAME)));
        chat = ChatModels.create(ProcessorConfig.builder().backend("ollama").baseUrl(server.baseUrl())
                .model("biased:7b").retries(0).build());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void poemRecoversTheModelsOrderBias() throws Exception {
        Dataset data = SampleData.reviews();
        Task task = SampleData.reviewsTask();
        Encoder encoder = TestEncoders.miniLm();
        ExamplePool pool = ExamplePool.of(data.train(), encoder);
        // m = 4 shots; T = 24 >= 4! so every order is tried on every training query; k = 10 neighbours
        EpisodicMemory memory = EpisodicMemory.builder().dimension(encoder.dimension()).k(10).build();
        Poem poem = Poem.builder().pool(pool).encoder(encoder).estimator(memory).task(task).m(4).build();
        ChatAsker asker = ChatAsker.builder().model(chat).task(task).build();

        Trainer trainer = Trainer.builder().poem(poem).asker(asker).reward(new ExactMatch(task.labels()))
                .orders(24).concurrency(4).seed(7).build();
        TrainingResult trained = trainer.train();
        assertEquals(data.train().size() * 24L, trained.modelCalls());
        assertEquals(data.train().size() * 24, memory.size());

        EvalReport report = Evaluator.builder().poem(poem).asker(asker).labels(task.labels())
                .learner("poem", memory)
                .learner("wrong-read", new ArgminRead(memory))
                .learner("wrong-write", misfiled(memory, encoder.dimension()))
                .bestFixed(trainer.log().bestFixedOrder().orElseThrow())
                .concurrency(4).seed(3).build().evaluate(data.test());
        System.out.println(report.table());

        double poemAcc = accuracy(report, "poem");
        double best = accuracy(report, "best-fixed");
        double random = accuracy(report, "random");
        assertTrue(poemAcc >= best - 0.02, "POEM " + poemAcc + " should be within 2 points of the best fixed order " + best);
        assertTrue(poemAcc >= random + 0.10, "POEM " + poemAcc + " should beat random order " + random + " by 10 points");
        double last = accuracy(report, "most-similar-last");
        assertTrue(poemAcc >= last, "POEM " + poemAcc + " should do at least as well as most-similar-last " + last);
        assertEquals(0, report.method("poem").orElseThrow().outside(), "prose answers such as 'The answer is positive.' are read");

        assertTrue(accuracy(report, "wrong-read") < best - 0.02, "a memory reading the worst action must fail the bar");
        assertTrue(accuracy(report, "wrong-write") < best - 0.02, "a memory writing rewards under the wrong action must fail the bar");
    }

    static double accuracy(EvalReport report, String method) {
        return report.method(method).orElseThrow().score().mean();
    }

    /** A broken read: the action with the lowest Q instead of the highest. */
    record ArgminRead(EpisodicMemory memory) implements ActionValueEstimator {
        public void write(float[] state, Permutation action, double reward) {
            memory.write(state, action, reward);
        }

        public Optional<Permutation> best(float[] state) {
            return memory.values(state).entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        }
    }

    /** A broken write: the same episodes, each filed under a random action. */
    static EpisodicMemory misfiled(EpisodicMemory trained, int dimension) {
        EpisodicMemory broken = EpisodicMemory.builder().dimension(dimension).k(trained.k()).build();
        Random random = new Random(5);
        List<Episode> episodes = new ArrayList<>();
        for (Episode e : trained.episodes()) {
            episodes.add(new Episode(e.state(), Permutations.random(4, random), e.reward(), e.time()));
        }
        broken.addAll(episodes);
        return broken;
    }
}
