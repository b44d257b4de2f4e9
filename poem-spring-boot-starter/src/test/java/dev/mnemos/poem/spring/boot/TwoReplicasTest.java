package dev.mnemos.poem.spring.boot;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.mnemos.embed.Encoder;
import dev.mnemos.embed.TestEncoders;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.Selection;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.spring.ai.PoemAdvisor;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Two replicas of one Spring Boot application, two application contexts, each with the memory in
 * its own DataSource (HikariCP, spring.datasource.url) on one embedded PostgreSQL: what one learns
 * from feedback, the other reads back and uses in its next request to the model.
 */
class TwoReplicasTest {

    @RegisterExtension
    static final WireMockExtension ollama = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().http2PlainDisabled(true)).build();

    static EmbeddedPostgres postgres;
    static final String QUERY = "The bathroom was dirty and the towels smelled.";
    static final String OTHER = "Great coffee and a friendly barista.";

    /** Both replicas share this JVM's MiniLM (an application's own Encoder bean, which the starter backs off for). */
    @Configuration(proxyBeanMethods = false)
    static class SharedEncoder {
        @Bean
        Encoder encoder() {
            return TestEncoders.miniLm();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE reviews");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    static ConfigurableApplicationContext replica(String name) {
        return new SpringApplicationBuilder(TestApplication.class, SharedEncoder.class).web(WebApplicationType.NONE).properties(
                "spring.application.name=" + name,
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "reviews"),
                "spring.ai.model.embedding=none",
                "spring.ai.ollama.base-url=" + ollama.baseUrl(),
                "spring.ai.ollama.chat.options.model=llama3.2",
                "mnemos.poem.memory.data-source=true",
                "mnemos.poem.memory.sync-every=100ms",
                "mnemos.poem.examples=classpath:reviews.jsonl",
                "mnemos.poem.task=classpath:reviews.task.json",
                "mnemos.poem.m=3",
                "management.endpoint.health.show-details=always").run();
    }

    static Selection classify(ConfigurableApplicationContext replica, String review) {
        ChatClient chat = replica.getBean(ChatClient.Builder.class).defaultSystem("Say whether the review is positive or negative.")
                .defaultAdvisors(replica.getBean(PoemAdvisor.class)).build();
        return PoemAdvisor.selection(chat.prompt().user(review).call().chatClientResponse()).orElseThrow();
    }

    /** The replica's selection once it is the order the other learned (what it wrote reaches it within a few sync intervals), or after 10 s. */
    static Selection readBack(ConfigurableApplicationContext replica, String query, Permutation learned) throws InterruptedException {
        Poem poem = replica.getBean(Poem.class);
        long start = System.nanoTime();
        Selection s = poem.select(query);
        while (!(s.learned() && s.action().equals(learned)) && System.nanoTime() - start < 10_000_000_000L) {
            Thread.sleep(50);
            s = poem.select(query);
        }
        return s;
    }

    static List<String> writers() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = postgres.getDatabase("postgres", "reviews").getConnection(); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT writer, count(*) FROM poem_episode GROUP BY writer ORDER BY writer")) {
            while (r.next()) out.add(r.getString(1).replaceFirst(" \\(.*", "") + ": " + r.getLong(2));
        }
        return out;
    }

    @Test
    void whatOneReplicaLearnsFromFeedbackTheOtherReadsBackAndUses() throws Exception {
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(Api.OLLAMA_CHAT.response("llama3.2", "negative", false)));
        try (ConfigurableApplicationContext a = replica("replica-a"); ConfigurableApplicationContext b = replica("replica-b")) {
            Selection first = classify(a, QUERY);
            assertEquals(Selection.Basis.NO_SIMILAR_QUERY, first.basis());
            PoemAdvisor feedbackA = a.getBean(PoemAdvisor.class);
            feedbackA.feedback(first, 0.0);                                          // the default order was wrong here
            a.getBean(Poem.class).feedback(QUERY, Permutation.of(2, 3, 1), 1.0);       // and this one right

            Selection seenByB = readBack(b, QUERY, Permutation.of(2, 3, 1));
            assertEquals(Selection.Basis.LEARNED, seenByB.basis(), "replica B reads A's feedback from the database");
            assertEquals(Permutation.of(2, 3, 1), seenByB.action());
            assertEquals(Permutation.of(2, 3, 1), classify(b, QUERY).action(), "and sends the model the order A learned");

            Selection otherOnB = classify(b, OTHER);
            b.getBean(PoemAdvisor.class).feedback(otherOnB, 0.0);
            b.getBean(Poem.class).feedback(OTHER, Permutation.of(3, 2, 1), 1.0);
            assertEquals(Permutation.of(3, 2, 1), readBack(a, OTHER, Permutation.of(3, 2, 1)).action(), "and A reads B's");

            assertEquals(List.of("replica-a: 2", "replica-b: 2"), writers(), "each feedback written once, by its replica");
            Health health = (Health) b.getBean(HealthEndpoint.class).healthForPath("poem");
            assertEquals(Status.UP, health.getStatus());
            assertEquals("reachable", health.getDetails().get("database"));
            assertNotEquals("none yet", health.getDetails().get("lastSave"), "B committed its feedback");
            assertEquals(4, health.getDetails().get("episodes"));
        }
    }
}
