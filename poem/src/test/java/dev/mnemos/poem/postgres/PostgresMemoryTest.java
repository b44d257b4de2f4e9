package dev.mnemos.poem.postgres;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.store.PoemFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
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
    static final PoemFile.Settings SETTINGS = settings("test-encoder", 3, 100);
    static final AtomicInteger DATABASES = new AtomicInteger();

    static EmbeddedPostgres server;
    String url;

    static PoemFile.Settings settings(String encoder, int m, int capacity) {
        return new PoemFile.Settings(m, dev.mnemos.poem.memory.ReadSettings.DEFAULT.withK(5), false, capacity, encoder, 2, Permutation.identity(m));
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

    PostgresMemory open(PoemFile.Settings settings, String writer) throws StoreException {
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
            st.execute("INSERT INTO poem_schema (version) VALUES (2)");
        }
        StoreException e = assertThrows(StoreException.class, () -> open(SETTINGS, "two"));
        assertEquals(StoreException.Kind.SCHEMA, e.kind());
        assertTrue(e.getMessage().contains("version 2") && !e.getMessage().contains("\n"), e.getMessage());
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
}
