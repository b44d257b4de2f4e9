package dev.mnemos.cli.poem;

import dev.mnemos.poem.sim.BiasedModel;
import dev.mnemos.poem.sim.SampleData;
import dev.mnemos.runtime.model.ModelServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

/** {@code poem train --memory jdbc:postgresql:...} against the biased model and a real PostgreSQL server. */
class SharedTrainCommandTest {

    @RegisterExtension
    static final ModelServer server = new ModelServer(new BiasedModel(0.9, 42));
    static EmbeddedPostgres database;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        database = EmbeddedPostgres.builder().start();
        try (Connection c = database.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE trained");
        }
        url = database.getJdbcUrl("postgres", "trained");
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @BeforeEach
    void stubs() {
        server.stubFor(post(urlPathEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.model", equalTo("biased")))
                .willReturn(aResponse().withTransformers(BiasedModel.NAME)));
    }

    CopyCommandTest.Run train(String... more) {
        String[] base = {"train", "--data", SampleData.dir().resolve("reviews.jsonl").toString(), "--memory", url,
                "--limit", "20", "--orders", "6", "--model", "biased", "--base-url", server.baseUrl(), "--style", "chat", "--retries", "0"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CopyCommandTest.poem(all);
    }

    @Test
    void trainsIntoTheDatabaseAndARunAgainSkipsTheFinishedQueries() throws Exception {
        CopyCommandTest.Run first = train("--m", "3");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("trained 20 queries (0 finished before), 120 model calls"), first.out());
        assertEquals(120, CopyCommandTest.count(url, "SELECT count(*) FROM poem_episode"));
        assertEquals(20, CopyCommandTest.count(url, "SELECT count(*) FROM poem_query"));

        CopyCommandTest.Run again = train("--m", "3");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().startsWith("trained 0 queries (20 finished before), 0 model calls"), again.out());

        CopyCommandTest.Run otherM = train("--m", "4");
        assertEquals(3, otherM.exit());
        assertTrue(otherM.err().contains("m = 3") && otherM.err().contains("m = 4"), otherM.err());
        assertEquals(120, CopyCommandTest.count(url, "SELECT count(*) FROM poem_episode"));
    }
}
