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

import dev.mnemos.poem.postgres.PostgresMemory;
import dev.mnemos.poem.store.PoemFile;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

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
        return trainOn(20, more);
    }

    CopyCommandTest.Run trainOn(int examples, String... more) {
        return poem(new String[] {"train", "--data", SampleData.dir().resolve("reviews.jsonl").toString(), "--memory", url,
                "--limit", String.valueOf(examples), "--orders", "6", "--model", "biased", "--base-url", server.baseUrl(), "--style", "chat", "--retries", "0"}, more);
    }

    static CopyCommandTest.Run poem(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CopyCommandTest.poem(all);
    }

    static CopyCommandTest.Run firstTraining;

    /** The database trained once for the whole class (20 queries, m = 3, 6 orders each). */
    CopyCommandTest.Run trained() {
        if (firstTraining == null) firstTraining = train("--m", "3");
        return firstTraining;
    }

    @Test
    void trainsIntoTheDatabaseAndARunAgainSkipsTheFinishedQueries() throws Exception {
        CopyCommandTest.Run first = trained();
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("trained 20 queries (0 finished before), 120 model calls"), first.out());
        assertTrue(first.out().contains(PostgresMemory.redacted(url) + ": read k = "), first.out()); // tuned at the end, as a file is
        assertEquals(120, CopyCommandTest.count(url, "SELECT count(*) FROM poem_episode"));
        assertEquals(20, CopyCommandTest.count(url, "SELECT count(*) FROM poem_query"));
        assertEquals(first.out().contains("(tuned)") ? 1 : 0, CopyCommandTest.count(url, "SELECT tuned::int FROM poem_memory"));
        assertEquals(20, CopyCommandTest.count(url, "SELECT json_array_length(pool::json) FROM poem_memory"));

        CopyCommandTest.Run again = train("--m", "3");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().startsWith("trained 0 queries (20 finished before), 0 model calls"), again.out());

        CopyCommandTest.Run otherModel = poem(new String[] {"train", "--data", SampleData.dir().resolve("reviews.jsonl").toString(),
                "--memory", url, "--limit", "20", "--orders", "6", "--m", "3", "--model", "another", "--base-url", server.baseUrl(),
                "--style", "chat", "--retries", "0"});
        assertEquals(3, otherModel.exit(), otherModel.err());
        assertTrue(otherModel.err().contains("was trained with ollama biased, chat style; this run uses ollama another, chat style"),
                otherModel.err());
        assertEquals(1, CopyCommandTest.count(url, "SELECT count(*) FROM poem_memory WHERE model = 'ollama biased, chat style'"));

        CopyCommandTest.Run otherM = train("--m", "4");
        assertEquals(3, otherM.exit());
        assertTrue(otherM.err().contains("m = 3") && otherM.err().contains("m = 4"), otherM.err());
        CopyCommandTest.Run otherPool = trainOn(25, "--m", "3");
        assertEquals(3, otherPool.exit());
        assertTrue(otherPool.err().contains("trained on another pool (20 examples, 25 now)"), otherPool.err());
        assertEquals(120, CopyCommandTest.count(url, "SELECT count(*) FROM poem_episode"));
    }

    @Test
    void selectTuneAndEvalWorkOnTheDatabase() throws Exception {
        assertEquals(0, trained().exit(), trained().err());
        CopyCommandTest.Run select = CopyCommandTest.poem("select", "--memory", url, "--query", "The shower was cold all week.");
        assertEquals(0, select.exit(), select.err());
        assertTrue(select.out().startsWith("order ["), select.out());
        assertEquals(4, select.out().lines().count(), select.out()); // the order and m = 3 examples

        CopyCommandTest.Run tune = CopyCommandTest.poem("tune", "--memory", url, "--k", "10");
        assertEquals(0, tune.exit(), tune.err());
        assertEquals(10, CopyCommandTest.count(url, "SELECT k FROM poem_memory"));

        CopyCommandTest.Run eval = poem(new String[] {"eval", "--data", SampleData.dir().resolve("reviews.jsonl").toString(), "--memory", url,
                "--limit", "20", "--model", "biased", "--base-url", server.baseUrl(), "--style", "chat", "--retries", "0"});
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains("poem ") && eval.out().contains("best-fixed"), eval.out());
        assertTrue(eval.err().contains("read: k = 10"), eval.err());
        assertEquals(120, CopyCommandTest.count(url, "SELECT count(*) FROM poem_episode")); // reading writes nothing
    }

    @Test
    void copiesTheDatabaseIntoAFileAndBackIntoAnotherDatabase(@TempDir Path dir) throws Exception {
        assertEquals(0, trained().exit(), trained().err());
        Path file = dir.resolve("backup.poem");
        CopyCommandTest.Run out = CopyCommandTest.poem("copy", url, file.toString());
        assertEquals(0, out.exit(), out.err());
        PoemFile.Contents c = PoemFile.load(file);
        assertEquals(120, c.memory().size());
        assertEquals(20, c.pool().size());
        assertEquals(20, c.log().finished().size());
        assertEquals(CopyCommandTest.count(url, "SELECT k FROM poem_memory"), c.settings().k());

        byte[] before = Files.readAllBytes(file);
        CopyCommandTest.Run again = CopyCommandTest.poem("copy", url, file.toString());
        assertEquals(3, again.exit());
        assertEquals(file + " already holds a memory of 120 episodes; give --force to replace it", again.err().strip().replaceFirst("^poem copy: ", ""));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(0, CopyCommandTest.poem("copy", url, file.toString(), "--force").exit());

        try (Connection conn = database.getPostgresDatabase().getConnection(); Statement st = conn.createStatement()) {
            st.execute("CREATE DATABASE restored");
        }
        String restored = database.getJdbcUrl("postgres", "restored");
        assertEquals(0, CopyCommandTest.poem("copy", file.toString(), restored).exit());
        assertEquals(120, CopyCommandTest.count(restored, "SELECT count(*) FROM poem_episode"));
        assertEquals(CopyCommandTest.count(url, "SELECT sum(reward * 1000)::bigint FROM poem_episode"),
                CopyCommandTest.count(restored, "SELECT sum(reward * 1000)::bigint FROM poem_episode"));
        CopyCommandTest.Run full = CopyCommandTest.poem("copy", file.toString(), restored);
        assertEquals(3, full.exit());
        assertTrue(full.err().contains("already holds a memory of 120 episodes; give --force"), full.err());
        assertEquals(0, CopyCommandTest.poem("copy", file.toString(), restored, "--force").exit());
        assertEquals(120, CopyCommandTest.count(restored, "SELECT count(*) FROM poem_episode"));
        assertEquals(120, CopyCommandTest.count(restored, "SELECT episodes FROM poem_memory"));
    }

    @Test
    void aDatabaseThatStopsAnsweringIsExit20WithinTheTimeoutForEveryCommand() throws Exception {
        assertEquals(0, trained().exit(), trained().err());
        try (dev.mnemos.poem.postgres.FreezingProxy proxy = new dev.mnemos.poem.postgres.FreezingProxy("localhost", database.getPort())) {
            String frozen = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            proxy.freeze();
            String shown = PostgresMemory.redacted(frozen);
            List<CopyCommandTest.Run> runs = List.of(
                    CopyCommandTest.poem("select", "--memory", frozen, "--query", "The shower was cold.", "--db-timeout", "2"),
                    CopyCommandTest.poem("feedback", "--memory", frozen, "--query", "The shower was cold.", "--order", "[1,2,3]",
                            "--reward", "1", "--db-timeout", "2"),
                    poem(new String[] {"train", "--data", SampleData.dir().resolve("reviews.jsonl").toString(), "--memory", frozen,
                            "--limit", "20", "--m", "3", "--model", "biased", "--base-url", server.baseUrl(), "--style", "chat",
                            "--db-timeout", "2"}));
            for (CopyCommandTest.Run run : runs) {
                assertEquals(20, run.exit(), run.err());
                assertEquals(1, run.err().strip().lines().count(), run.err());
                assertTrue(run.err().contains(shown + ": no PostgreSQL server answered within 2 s"), run.err());
            }
        }
        assertEquals(120, CopyCommandTest.count(url, "SELECT count(*) FROM poem_episode"));
    }
}
