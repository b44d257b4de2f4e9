package dev.mnemos.cli.poem;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.cli.Cli;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.train.TrainingLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code poem copy} from a memory file into a real PostgreSQL server (embedded binaries). */
class CopyCommandTest {

    static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    record Run(int exit, String out, String err) {}

    static Run poem(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = Cli.commandLine(new PoemCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String database(String name) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return server.getJdbcUrl("postgres", name);
    }

    static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static Path memoryFile(Path dir) throws Exception {
        EpisodicMemory memory = EpisodicMemory.builder().dimension(2).build();
        Permutation a = Permutation.of(1, 2), b = Permutation.of(2, 1);
        memory.write(new float[] {1, 0}, a, 1.0);
        memory.write(new float[] {1, 0}, b, 0.0);
        memory.write(new float[] {0, 1}, b, 1.0);
        TrainingLog log = new TrainingLog();
        log.finish("first", List.of(a, b), new double[] {1.0, 0.0});
        MemorySettings settings = new MemorySettings(2, dev.mnemos.poem.memory.ReadSettings.DEFAULT.withK(5), false, 100, "test-encoder", 2, Permutation.identity(2));
        List<Example> pool = List.of(new Example("first", "yes"), new Example("second", "no"), new Example("third", "yes"));
        Path file = dir.resolve("m.poem");
        PoemFile.save(file, new PoemFile.Contents(settings, Task.simple(List.of("yes", "no")), pool, memory, log));
        return file;
    }

    @Test
    void copiesEpisodesAndFinishedQueriesIntoAnEmptyDatabaseOnce(@TempDir Path dir) throws Exception {
        Path file = memoryFile(dir);
        String url = database("copied");
        Run run = poem("copy", file.toString(), url);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("copied 3 episodes and 1 finished query from "), run.out());
        assertEquals(3, count(url, "SELECT count(*) FROM poem_episode"));
        assertEquals(1, count(url, "SELECT count(*) FROM poem_query WHERE query = 'first'"));

        Run again = poem("copy", file.toString(), url);
        assertEquals(3, again.exit());
        assertTrue(again.err().contains("already holds a memory of 3 episodes; give --force to replace it"), again.err());
        assertEquals(3, count(url, "SELECT count(*) FROM poem_episode"));
    }

    @Test
    void eachDatabaseFailureHasItsExitCodeAndOneLine(@TempDir Path dir) throws Exception {
        Path file = memoryFile(dir);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run unreachable = poem("copy", file.toString(), "jdbc:postgresql://127.0.0.1:" + closed + "/poem");
        assertEquals(20, unreachable.exit());
        assertEquals(1, unreachable.err().strip().lines().count(), unreachable.err());

        String url = database("failures");
        Run refused = poem("copy", file.toString(), url.replace("user=postgres", "user=nobody"));
        assertEquals(21, refused.exit(), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertEquals(0, count(url, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'poem%'"));

        assertEquals(0, poem("copy", file.toString(), url).exit());
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("DELETE FROM poem_episode");
            st.execute("DELETE FROM poem_query");
            st.execute("INSERT INTO poem_schema (version) VALUES (4)"); // newer than the build's 3
        }
        Run newer = poem("copy", file.toString(), url);
        assertEquals(22, newer.exit(), newer.err());
        assertEquals(1, newer.err().strip().lines().count(), newer.err());
        assertTrue(newer.err().contains("version 4"), newer.err());
        assertEquals(0, count(url, "SELECT count(*) FROM poem_episode"));

        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("DELETE FROM poem_schema WHERE version = 4");
        }
        Run selectUnreachable = poem("select", "--memory", "jdbc:postgresql://127.0.0.1:" + closed + "/poem", "--query", "q");
        assertEquals(20, selectUnreachable.exit(), selectUnreachable.err());
        Run tuneRefused = poem("tune", "--memory", url.replace("user=postgres", "user=nobody"));
        assertEquals(21, tuneRefused.exit(), tuneRefused.err());
    }

    @Test
    void aDatabaseHoldingAMemoryOfAnotherEncoderOrMIsRefusedAndKeptAsItIs(@TempDir Path dir) throws Exception {
        Path file = memoryFile(dir);
        String url = database("other");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(new String(PoemCommand.class.getResourceAsStream("/dev/mnemos/poem/postgres/V1.sql").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
            st.execute("INSERT INTO poem_schema (version) VALUES (1)");
            st.execute("INSERT INTO poem_memory (id, m, dimension, encoder, capacity, k, weighting, fallback)"
                    + " VALUES (1, 2, 2, 'another-encoder', 100, 5, 'SIMILARITY', '[1,2]')");
            st.execute("INSERT INTO poem_episode (state_hash, state, action, reward, writer) VALUES ('\\x01', '\\x3f80000000000000', 0, 1, 'v1')");
        }
        Run encoder = poem("copy", file.toString(), url);
        assertEquals(3, encoder.exit());
        assertEquals(1, encoder.err().strip().lines().count(), encoder.err());
        assertTrue(encoder.err().contains("written with encoder another-encoder") && encoder.err().contains("this run uses test-encoder"), encoder.err());
        assertEquals(1, count(url, "SELECT count(*) FROM poem_episode"));
        assertEquals(1, count(url, "SELECT max(version) FROM poem_schema")); // not even upgraded

        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("UPDATE poem_memory SET encoder = 'test-encoder', m = 3, fallback = '[1,2,3]'");
        }
        Run m = poem("copy", file.toString(), url);
        assertEquals(3, m.exit());
        assertTrue(m.err().contains("m = 3") && m.err().contains("m = 2"), m.err());
        assertEquals(1, count(url, "SELECT count(*) FROM poem_episode WHERE writer = 'v1'"));
        assertEquals(1, count(url, "SELECT count(*) FROM poem_episode"));

        Run noPool = poem("copy", url, dir.resolve("out.poem").toString()); // written before schema 2: no task or pool to copy out
        assertEquals(3, noPool.exit());
        assertTrue(noPool.err().contains("holds no task and example pool"), noPool.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("out.poem")));
    }

    /** Each damage a database may hold, as SQL on a memory copied in from {@link #memoryFile}, and what the message names. */
    static final List<String[]> DAMAGES = List.of(
            new String[] {"UPDATE poem_episode SET reward = 'Infinity' WHERE id = 1", "poem_episode row 1: reward Infinity"},
            new String[] {"UPDATE poem_episode SET reward = 'NaN' WHERE id = 2", "poem_episode row 2: reward NaN"},
            new String[] {"UPDATE poem_episode SET state = '\\x7fc000003f800000' WHERE id = 1", "poem_episode row 1: state value 0 is NaN"},
            new String[] {"UPDATE poem_episode SET state = '\\x3f800000' WHERE id = 3", "poem_episode row 3: a state of 4 bytes; the memory's states have 2 dimensions (8 bytes)"},
            new String[] {"UPDATE poem_episode SET action = 999 WHERE id = 1", "poem_episode row 1: order index 999, not 0 to 1 for m = 2"},
            new String[] {"UPDATE poem_memory SET dimension = 17", "poem_episode row 1: a state of 8 bytes; the memory's states have 17 dimensions (68 bytes)"},
            new String[] {"UPDATE poem_memory SET m = 0", "poem_memory: m = 0, not 1 to 12"},
            new String[] {"UPDATE poem_memory SET m = 50", "poem_memory: m = 50, not 1 to 12"},
            new String[] {"UPDATE poem_memory SET capacity = 0", "poem_memory: capacity 0"},
            new String[] {"UPDATE poem_memory SET pool = '[]'", "poem_memory: its example pool is empty"});

    @Test
    void aDamagedDatabaseIsRefusedAsADamagedFileIsAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path file = memoryFile(dir);
        for (int i = 0; i < DAMAGES.size(); i++) {
            String url = database("damaged" + i);
            assertEquals(0, poem("copy", file.toString(), url).exit());
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute(DAMAGES.get(i)[0]);
            }
            Path out = dir.resolve("out" + i + ".poem");
            Run copy = poem("copy", url, out.toString());
            assertEquals(3, copy.exit(), DAMAGES.get(i)[0] + ": " + copy.err());
            assertEquals("poem copy: " + url.substring(0, url.indexOf('?')) + ": damaged POEM memory in the database ("
                    + DAMAGES.get(i)[1] + ")", copy.err().strip(), DAMAGES.get(i)[0]);
            assertFalse(java.nio.file.Files.exists(out), "nothing written for " + DAMAGES.get(i)[0]);
        }
    }

    /** A run's standard error, the command's and anything else printed there (the driver's log lines). */
    static PoemCommandTest.Run everything(String... args) {
        return PoemCommandTest.poem(args);
    }

    @Test
    void theDatabasePasswordIsNeverPrinted(@TempDir Path dir) throws Exception {
        Path file = memoryFile(dir);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        List<PoemCommandTest.Run> runs = List.of(
                everything("copy", file.toString(), "jdbc:postgresql://127.0.0.1:notaport/poem?user=poem&password=S3CRET-query"),
                everything("select", "--memory", "jdbc:mysql://db.internal/poem?user=poem&password=S3CRET-mysql", "--query", "q"),
                everything("copy", file.toString(), "jdbc:postgresql://poem:S3CRET-userinfo@127.0.0.1:" + closed + "/poem"),
                everything("copy", "jdbc:postgresql://poem:S3CRET-from@127.0.0.1:" + closed + "/poem", dir.resolve("out.poem").toString()),
                everything("tune", "--memory", "jdbc:postgresql://127.0.0.1:" + closed + "/poem", "--db-password", "S3CRET-option"));
        int[] exits = {2, 2, 20, 20, 20};
        for (int i = 0; i < runs.size(); i++) {
            PoemCommandTest.Run run = runs.get(i);
            assertFalse((run.out() + run.err()).contains("S3CRET"), run.out() + run.err());
            assertEquals(1, run.err().strip().lines().count(), "one line, no driver log lines: " + run.err());
            assertEquals(exits[i], run.exit(), run.err());
        }
        assertEquals("poem copy: jdbc:postgresql://127.0.0.1:notaport/poem: the port 'notaport' is not a number from 1 to 65535",
                runs.get(0).err().strip(), "a URL the driver cannot read is a usage error, as another scheme is (it was exit 12, 'a file could not be written')");
        assertEquals("poem select: jdbc:mysql://db.internal/poem: no memory store on the class path opens this kind of URL"
                + " (a jdbc:postgresql: memory needs the artifact dev.mnemos:mnemos-poem-postgres; no other database is supported)",
                runs.get(1).err().strip());
        assertTrue(runs.get(2).err().contains("jdbc:postgresql://127.0.0.1:" + closed + "/poem: "), runs.get(2).err());
    }

    @Test
    void theUserAndPasswordMayBeGivenAsTheUrlsUserInfo(@TempDir Path dir) throws Exception {
        Path file = memoryFile(dir);
        String url = database("userinfo");
        String withUserInfo = url.substring(0, url.indexOf('?')).replace("jdbc:postgresql://", "jdbc:postgresql://postgres:any%40secret@");
        Run copy = poem("copy", file.toString(), withUserInfo);
        assertEquals(0, copy.exit(), copy.err());
        assertFalse(copy.out().contains("secret"), copy.out());
        assertEquals(3, count(url, "SELECT count(*) FROM poem_episode"));
    }
}
