package dev.mnemos.poem.postgres;

import dev.mnemos.poem.store.StoreException;
import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.Aggregate;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.PoemFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** A shared memory against a real PostgreSQL server (embedded binaries), one database per test. */
class PostgresMemoryTest {

    static final Permutation A = Permutation.of(1, 2, 3);
    static final Permutation B = Permutation.of(3, 2, 1);
    static final MemorySettings SETTINGS = settings("test-encoder", 3, 100);
    static final AtomicInteger DATABASES = new AtomicInteger();

    static EmbeddedPostgres server;
    String url;

    static MemorySettings settings(String encoder, int m, int capacity) {
        return new MemorySettings(m, dev.mnemos.poem.memory.ReadSettings.DEFAULT.withK(5), false, capacity, encoder, 2, Permutation.identity(m));
    }

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void freshDatabase() throws SQLException {
        String name = "poem" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        url = server.getJdbcUrl("postgres", name);
    }

    PostgresMemory open(MemorySettings settings, String writer) throws StoreException {
        return PostgresMemory.builder().url(url).settings(settings).writer(writer).syncEvery(Duration.ofMillis(100)).open();
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void anEpisodeWrittenByOneProcessIsReadByAnotherWithinASecond() throws Exception {
        try (PostgresMemory one = open(SETTINGS, "one"); PostgresMemory two = open(SETTINGS, "two")) {
            assertEquals(Optional.empty(), two.best(new float[] {1, 0}));
            long start = System.nanoTime();
            one.write(new float[] {1, 0}, B, 1.0);
            while (two.best(new float[] {1, 0}).isEmpty() && System.nanoTime() - start < 5_000_000_000L) Thread.sleep(10);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(Optional.of(B), two.best(new float[] {1, 0.1f}));
            assertTrue(millis < 1_000, "seen after " + millis + " ms");
            assertEquals(1, count("SELECT count(*) FROM poem_episode WHERE writer = 'one'"));
        }
    }

    @Test
    void aRepeatedStateAndOrderKeepsTheLargerRewardAcrossProcesses() throws Exception {
        try (PostgresMemory one = open(SETTINGS, "one"); PostgresMemory two = open(SETTINGS, "two")) {
            one.write(new float[] {1, 0}, A, 0.2);
            one.flush();
            two.write(new float[] {1, 0}, A, 0.9);
            two.flush();
            one.write(new float[] {2, 0}, A, 0.5); // the same unit state
            one.flush();
            assertEquals(1, count("SELECT count(*) FROM poem_episode"));
            assertEquals(0.9, count("SELECT reward * 10 FROM poem_episode") / 10.0);
            one.refresh();
            assertEquals(Optional.of(0.9), one.local().reward(new float[] {1, 0}, A));
        }
    }

    @Test
    void aBatchThatRepeatsAStateAndOrderKeepsItsLargerReward() throws Exception {
        try (PostgresMemory one = open(SETTINGS, "one")) {
            one.write(new float[] {1, 0}, A, 0.3);
            one.write(new float[] {1, 0}, A, 0.8);
            one.write(new float[] {1, 0}, B, 0.1);
            one.write(new float[] {1, 0}, A, 0.5);
            one.flush(); // one transaction, one INSERT
            assertEquals(2, count("SELECT count(*) FROM poem_episode"));
            assertEquals(8, count("SELECT (reward * 10)::bigint FROM poem_episode WHERE action = " + A.index()));
            assertEquals(2, count("SELECT episodes FROM poem_memory"));
        }
    }

    @Test
    void theTunedReadTaskAndPoolAreStoredForEveryProcess() throws Exception {
        Task task = Task.simple(List.of("yes", "no"));
        List<Example> pool = List.of(new Example("first", "yes"), new Example("second", "no"), new Example("third", "yes"), new Example("fourth", "no"));
        ReadSettings tuned = new ReadSettings(30, Weighting.PLAIN, Aggregate.MEAN);
        try (PostgresMemory one = open(SETTINGS, "one")) {
            one.write(new float[] {1, 0}, A, 1.0);
            one.describe(task, pool);
            one.storeRead(tuned, true);
            assertEquals(tuned, one.local().read());
            StoreException otherPool = assertThrows(StoreException.class, () -> one.describe(task, pool.subList(0, 3)));
            assertEquals(StoreException.Kind.MISMATCH, otherPool.kind());
        }
        try (PostgresMemory two = PostgresMemory.builder().url(url).open()) { // no settings: the memory as it is
            assertEquals(tuned, two.settings().read());
            assertTrue(two.settings().tuned());
            assertEquals(tuned, two.local().read());
            assertEquals(java.util.Optional.of(pool), two.pool());
            assertEquals(java.util.Optional.of(task), two.task());
            assertEquals(1, two.memory().size());
        }
        try (PostgresMemory narrowed = PostgresMemory.builder().url(url).k(7).open()) { // k for this process's reads only
            assertEquals(tuned.withK(7), narrowed.local().read());
            assertEquals(30, count("SELECT k FROM poem_memory"));
        }
    }

    @Test
    void aVersion1DatabaseIsUpgradedInPlaceAndKeepsItsEpisodes() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(new String(Schema.class.getResourceAsStream("V1.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            st.execute("INSERT INTO poem_schema (version) VALUES (1)");
            st.execute("INSERT INTO poem_memory (id, m, dimension, encoder, capacity, k, weighting, fallback)"
                    + " VALUES (1, 3, 2, 'test-encoder', 3, 5, 'SIMILARITY', '[1,2,3]')");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO poem_episode (state_hash, state, action, reward, writer) VALUES (?, ?, ?, ?, 'v1')")) {
                for (int i = 0; i < 3; i++) {
                    byte[] state = PostgresMemory.toBytes(dev.mnemos.embed.Vectors.normalized(new float[] {1, i}));
                    p.setBytes(1, PostgresMemory.sha256(state));
                    p.setBytes(2, state);
                    p.setInt(3, A.index());
                    p.setDouble(4, i);
                    p.executeUpdate();
                }
            }
        }
        try (PostgresMemory upgraded = open(settings("test-encoder", 3, 3), "two")) {
            assertEquals(3, upgraded.local().size());
            assertEquals(Schema.VERSION, count("SELECT max(version) FROM poem_schema")); // upgraded to the newest
            assertEquals(3, count("SELECT episodes FROM poem_memory"));
            assertEquals(Aggregate.SUM, upgraded.settings().read().aggregate());
            upgraded.write(new float[] {1, 9}, A, 9);
            upgraded.flush();
            assertEquals(3, count("SELECT count(*) FROM poem_episode"));
            assertEquals(1, count("SELECT min(reward)::bigint FROM poem_episode")); // the oldest (reward 0) went
        }
    }

    @Test
    void feedbackThroughPoemIsWrittenToTheDatabase() throws Exception {
        dev.mnemos.embed.Encoder encoder = HashEmbedding.encoder();
        List<Example> pool = List.of(new Example("a", "yes"), new Example("b", "no"), new Example("c", "yes"), new Example("d", "no"));
        try (PostgresMemory one = PostgresMemory.builder().url(url).settings(TrainWorker.settings(encoder)).writer("app").open()) {
            dev.mnemos.poem.Poem poem = dev.mnemos.poem.Poem.builder().encoder(encoder).examples(pool).estimator(one).m(TrainWorker.M).build();
            dev.mnemos.poem.Selection s = poem.select("a query");
            poem.feedback(s, 0.75);
            long start = System.nanoTime();
            while (count("SELECT count(*) FROM poem_episode") == 0 && System.nanoTime() - start < 5_000_000_000L) Thread.sleep(20);
            assertEquals(1, count("SELECT count(*) FROM poem_episode WHERE writer = 'app' AND action = " + s.action().index()));
            assertEquals(75, count("SELECT (reward * 100)::bigint FROM poem_episode"));
        }
    }

    @Test
    void pastLTheOldestRowsGo() throws Exception {
        try (PostgresMemory one = open(settings("test-encoder", 3, 5), "one")) {
            for (int i = 0; i < 8; i++) one.write(new float[] {1, i}, A, i);
            one.flush();
            assertEquals(5, count("SELECT count(*) FROM poem_episode"));
            assertEquals(3, count("SELECT min(reward)::bigint FROM poem_episode")); // episodes 0, 1, 2 went
            assertEquals(5, one.local().size());
        }
    }

    @Test
    void finishedQueriesAreSharedSoARestartedProcessSkipsThem() throws Exception {
        try (PostgresMemory one = open(SETTINGS, "one")) {
            one.write(new float[] {1, 0}, A, 1.0);
            one.write(new float[] {1, 0}, B, 0.0);
            one.log().finish("the first query", List.of(A, B), new double[] {1.0, 0.0});
            one.write(new float[] {0, 1}, A, 1.0); // a second query, not finished when the process stops
        }
        try (PostgresMemory again = open(SETTINGS, "again")) {
            assertTrue(again.log().isFinished("the first query"));
            assertEquals(1, again.log().finished().size());
            assertEquals(Optional.of(A), again.log().bestFixedOrder(1));
            assertEquals(3, again.local().size());
        }
    }

    @Test
    void aMemoryOfAnotherEncoderOrMIsRefusedAndNothingIsWritten() throws Exception {
        try (PostgresMemory one = open(SETTINGS, "one")) {
            one.write(new float[] {1, 0}, A, 1.0);
        }
        StoreException encoder = assertThrows(StoreException.class, () -> open(settings("other-encoder", 3, 100), "two"));
        assertEquals(StoreException.Kind.MISMATCH, encoder.kind());
        assertTrue(encoder.getMessage().contains("encoder test-encoder"), encoder.getMessage());
        StoreException m = assertThrows(StoreException.class, () -> open(settings("test-encoder", 4, 100), "two"));
        assertEquals(StoreException.Kind.MISMATCH, m.kind());
        assertTrue(m.getMessage().contains("m = 3") && m.getMessage().contains("m = 4"), m.getMessage());
        assertEquals(1, count("SELECT count(*) FROM poem_episode"));
        assertEquals(0, count("SELECT count(*) FROM poem_episode WHERE writer = 'two'"));
    }

    @Test
    void aSchemaNewerThanThisBuildIsRefusedBeforeAnythingIsWritten() throws Exception {
        try (PostgresMemory one = open(SETTINGS, "one")) {
            one.write(new float[] {1, 0}, A, 1.0);
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO poem_schema (version) VALUES (" + (Schema.VERSION + 1) + ")");
        }
        StoreException e = assertThrows(StoreException.class, () -> open(SETTINGS, "two"));
        assertEquals(StoreException.Kind.SCHEMA, e.kind());
        assertTrue(e.getMessage().contains("version " + (Schema.VERSION + 1)) && !e.getMessage().contains("\n"), e.getMessage());
        assertEquals(1, count("SELECT count(*) FROM poem_episode"));
    }

    @Test
    void anUnreachableServerAndAnUnknownUserGetTheirOwnKinds() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        StoreException unreachable = assertThrows(StoreException.class, () -> PostgresMemory.builder()
                .url("jdbc:postgresql://127.0.0.1:" + closed + "/poem").settings(SETTINGS).open());
        assertEquals(StoreException.Kind.UNREACHABLE, unreachable.kind());
        assertTrue(unreachable.getMessage().startsWith("jdbc:postgresql://127.0.0.1:" + closed + "/poem: "), unreachable.getMessage());

        String wrongUser = url.replace("user=postgres", "user=nobody");
        StoreException refused = assertThrows(StoreException.class, () -> PostgresMemory.builder().url(wrongUser).settings(SETTINGS).open());
        assertEquals(StoreException.Kind.REFUSED, refused.kind());
        assertFalse(refused.getMessage().contains("\n"));
        assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE tablename = 'poem_episode'"));
    }

    /** The URL of this test's database through {@code proxy} instead of straight to the server. */
    String through(FreezingProxy proxy) {
        return url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
    }

    @Test
    void aServerThatStopsAnsweringFailsTheCallWithinTheTimeoutNotNever() throws Exception {
        try (FreezingProxy proxy = new FreezingProxy("localhost", server.getPort())) {
            PostgresMemory memory = PostgresMemory.builder().url(through(proxy)).settings(SETTINGS).writer("frozen")
                    .timeout(Duration.ofSeconds(2)).open();
            memory.write(new float[] {1, 0}, A, 1.0);
            memory.flush();
            proxy.freeze();
            memory.write(new float[] {0, 1}, B, 1.0);
            long start = System.nanoTime();
            StoreException e = assertThrows(StoreException.class, memory::flush);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(StoreException.Kind.UNREACHABLE, e.kind(), e.getMessage());
            assertEquals(PostgresMemory.redacted(through(proxy)) + ": the server did not answer within 2 s"
                    + " (the wait for the database is bounded by its timeout)", e.getMessage());
            assertTrue(seconds < 30, "gave up after " + seconds + " s");
            assertEquals(e.getMessage(), assertThrows(StoreException.class, memory::close).getMessage(), "closing does not wait either");
        }
        assertEquals(1, count("SELECT count(*) FROM poem_episode"), "what was committed before stays");
    }

    @Test
    void aServerFrozenBeforeTheConnectionFailsTheOpenWithinTheTimeout() throws Exception {
        try (FreezingProxy proxy = new FreezingProxy("localhost", server.getPort())) {
            proxy.freeze();
            StoreException e = assertThrows(StoreException.class, () -> PostgresMemory.builder().url(through(proxy)).settings(SETTINGS)
                    .timeout(Duration.ofSeconds(2)).open());
            assertEquals(StoreException.Kind.UNREACHABLE, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith(PostgresMemory.redacted(through(proxy)) + ": no PostgreSQL server answered within 2 s"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void anApplicationsOwnDataSourceServesAsWellAsAUrl() throws Exception {
        String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        javax.sql.DataSource dataSource = server.getDatabase("postgres", name);
        try (PostgresMemory memory = PostgresMemory.builder().dataSource(dataSource).settings(SETTINGS).writer("app").open()) {
            memory.write(new float[] {1, 0}, A, 1.0);
            memory.flush();
            assertTrue(memory.location().startsWith("jdbc:postgresql://"), memory.location());
            assertFalse(memory.location().contains("?"), memory.location());
        }
        assertEquals(1, count("SELECT count(*) FROM poem_episode WHERE writer = 'app'"));
    }

    @Test
    void aJdbcPostgresqlLocationOpensThroughTheStoreProvider() throws Exception {
        dev.mnemos.poem.store.StoreOptions options = dev.mnemos.poem.store.StoreOptions.builder().create(SETTINGS).writer("opened").build();
        try (dev.mnemos.poem.store.MemoryStore store = dev.mnemos.poem.store.MemoryStores.open(url, options)) {
            assertInstanceOf(PostgresMemory.class, store);
            assertEquals(PostgresMemory.redacted(url), store.location());
            store.estimator().write(new float[] {0, 1}, B, 1.0);
            store.save();
        }
        assertEquals(1, count("SELECT count(*) FROM poem_episode"));
    }
}
