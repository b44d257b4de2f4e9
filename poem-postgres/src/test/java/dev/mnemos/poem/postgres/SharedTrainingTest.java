package dev.mnemos.poem.postgres;

import dev.mnemos.embed.Encoder;
import dev.mnemos.embed.Vectors;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.pool.ExamplePool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Three training processes feed one database at once while this JVM reads; one is killed with
 * SIGKILL mid-run and started again. Real processes, a real PostgreSQL server.
 */
class SharedTrainingTest {

    static EmbeddedPostgres server;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE shared");
        }
        url = server.getJdbcUrl("postgres", "shared");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Process worker(Path dir, String writer, int from, int to, long millis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TrainWorker.class.getName(),
                url, writer, String.valueOf(from), String.valueOf(to), String.valueOf(millis))
                .redirectOutput(dir.resolve(writer + ".out").toFile())
                .redirectError(dir.resolve(writer + ".err").toFile())
                .start();
    }

    static long count(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) st.setObject(i + 1, args[i]);
            try (ResultSet r = st.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static void finishes(Process p, Path dir, String writer) throws Exception {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), writer + " did not finish");
        assertEquals(0, p.exitValue(), writer + ": " + Files.readString(dir.resolve(writer + ".err")));
    }

    @Test
    void threeProcessesTrainIntoOneDatabaseAndAKilledOneResumes(@TempDir Path dir) throws Exception {
        Encoder encoder = HashEmbedding.encoder();
        try (PostgresMemory reader = PostgresMemory.builder().url(url).settings(TrainWorker.settings(encoder)).writer("reader").open()) {
            Process doomed = worker(dir, "w1", 0, 20, 80);
            Process two = worker(dir, "w2", 20, 40, 5);
            Process three = worker(dir, "w3", 40, 60, 5);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (count("SELECT count(*) FROM poem_query WHERE writer = 'w1'") < 3 && System.nanoTime() < deadline) Thread.sleep(20);
            doomed.destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
            assertTrue(doomed.waitFor(10, TimeUnit.SECONDS));
            long finishedByDoomed = count("SELECT count(*) FROM poem_query WHERE writer = 'w1'");
            assertTrue(finishedByDoomed >= 3 && finishedByDoomed < 20, "w1 finished " + finishedByDoomed + " before the kill");

            finishes(two, dir, "w2");
            finishes(three, dir, "w3");
            assertEquals("trained 20 skipped 0", Files.readString(dir.resolve("w2.out")).trim());

            // the reader saw the others' episodes without being asked to look
            long rows = count("SELECT count(*) FROM poem_episode");
            long seenBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (reader.local().size() < rows && System.nanoTime() < seenBy) Thread.sleep(10);
            assertEquals(rows, reader.local().size(), "episodes in the reader's memory a second after the writers finished");

            Process again = worker(dir, "w1", 0, 20, 5);
            finishes(again, dir, "w1");
            assertEquals("trained " + (20 - finishedByDoomed) + " skipped " + finishedByDoomed,
                    Files.readString(dir.resolve("w1.out")).trim());
        }

        assertEquals(60, count("SELECT count(*) FROM poem_query"));
        assertEquals(0, count("SELECT count(*) FROM (SELECT 1 FROM poem_episode GROUP BY state_hash, action HAVING count(*) > 1) d"));
        // every query's six orders are there, once: the union of what every process committed
        List<Example> pool = TrainWorker.pool();
        ExamplePool embedded = ExamplePool.of(pool, encoder);
        for (int i = 0; i < pool.size(); i++) {
            byte[] hash = PostgresMemory.sha256(PostgresMemory.toBytes(Vectors.normalized(embedded.embedding(i))));
            assertEquals(TrainWorker.ORDERS, count("SELECT count(*) FROM poem_episode WHERE state_hash = ?", hash), pool.get(i).input());
        }
        assertEquals(60L * TrainWorker.ORDERS, count("SELECT count(*) FROM poem_episode"));
    }
}
