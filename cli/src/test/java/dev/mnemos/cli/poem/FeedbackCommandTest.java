package dev.mnemos.cli.poem;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.cli.poem.CopyCommandTest.Run;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.train.TrainingLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code poem feedback} on a memory file and on a real PostgreSQL server (embedded binaries): what
 * it writes changes what {@code poem select} chooses; a bad log line or option changes nothing.
 */
class FeedbackCommandTest {

    static final String QUERY = "The shower was cold all week.";
    static EmbeddedPostgres server;

    @TempDir Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A memory as poem train makes it (MiniLM, m = 3, a pool of six reviews), with no episode yet. */
    Path emptyMemory() throws Exception {
        List<Example> pool = List.of(new Example("The room was freezing at night.", "negative"),
                new Example("Hot water never ran out.", "positive"), new Example("The heating was broken.", "negative"),
                new Example("Staff brought extra blankets at once.", "positive"), new Example("The pool was lovely.", "positive"),
                new Example("Breakfast was cold and stale.", "negative"));
        MemorySettings settings = new MemorySettings(3, ReadSettings.DEFAULT, false, 1000, "all-minilm-l6-v2", 384, Permutation.identity(3));
        Path file = dir.resolve("reviews.poem");
        PoemFile.save(file, new PoemFile.Contents(settings, Task.simple(List.of("positive", "negative")), pool,
                EpisodicMemory.builder().dimension(384).build(), new TrainingLog()));
        return file;
    }

    static String database(String name, Path from) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        String url = server.getJdbcUrl("postgres", name);
        Run copy = CopyCommandTest.poem("copy", from.toString(), url);
        assertEquals(0, copy.exit(), copy.err());
        return url;
    }

    Path log(String name, String... lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    static List<Episode> episodes(Path memory) throws Exception {
        return PoemFile.load(memory).memory().episodes();
    }

    @Test
    void feedbackOnAFileChangesTheOrderSelectChooses() throws Exception {
        Path memory = emptyMemory();
        Run before = CopyCommandTest.poem("select", "--memory", memory.toString(), "--query", QUERY);
        assertEquals(0, before.exit(), before.err());
        assertTrue(before.out().startsWith("order [1,2,3] (default: the memory knows no similar query)"), before.out());

        Run good = CopyCommandTest.poem("feedback", "--memory", memory.toString(), "--query", QUERY, "--order", "[3,1,2]", "--reward", "1");
        assertEquals(0, good.exit(), good.err());
        assertEquals(memory + ": 1 episode written; 0 kept a larger reward stored earlier for the same query and order", good.out().strip());
        Run bad = CopyCommandTest.poem("feedback", "--memory", memory.toString(), "--query", QUERY, "--order", "[1,2,3]", "--reward", "0");
        assertEquals(0, bad.exit(), bad.err());

        Run after = CopyCommandTest.poem("select", "--memory", memory.toString(), "--query", QUERY);
        assertEquals(0, after.exit(), after.err());
        assertTrue(after.out().startsWith("order [3,1,2] (learned)"), after.out());
        assertEquals(2, episodes(memory).size());
        try (var lock = dev.mnemos.poem.store.MemoryLock.acquire(memory, "test")) {
            assertNotNull(lock, "the command let go of the file's lock");
        }
    }

    @Test
    void aLogWritesEveryLineAndARepeatedQueryAndOrderKeepsTheLargerReward() throws Exception {
        Path memory = emptyMemory();
        Path feedback = log("feedback.jsonl",
                "{\"query\": \"" + QUERY + "\", \"order\": \"[2,3,1]\", \"reward\": 1}",
                "",
                "{\"query\": \"" + QUERY + "\", \"order\": [1,2,3], \"reward\": 0}",
                "{\"query\": \"Breakfast was awful.\", \"order\": \"2,3,1\", \"reward\": 0.5}",
                "{\"query\": \"" + QUERY + "\", \"order\": \"[2,3,1]\", \"reward\": 0.25}");
        Run run = CopyCommandTest.poem("feedback", "--memory", memory.toString(), "--from", feedback.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(memory + ": 4 episodes written; 1 kept a larger reward stored earlier for the same query and order", run.out().strip());

        List<String> stored = episodes(memory).stream().map(e -> e.action() + " " + e.reward()).sorted().toList();
        assertEquals(List.of("[1,2,3] 0.0", "[2,3,1] 0.5", "[2,3,1] 1.0"), stored,
                "the paper's rule: a repeated (state, order) keeps its larger reward, 1.0 not 0.25");
        Run select = CopyCommandTest.poem("select", "--memory", memory.toString(), "--query", QUERY);
        assertTrue(select.out().startsWith("order [2,3,1] (learned)"), select.out());
    }

    @Test
    void aLogOfMoreQueriesThanOneBatchSaysHowFarItGotOnStderr() throws Exception {
        Path memory = emptyMemory();
        int queries = FeedbackCommand.EMBED_CHUNK + 44;
        String[] lines = new String[queries];
        for (int i = 0; i < queries; i++) {
            lines[i] = "{\"query\": \"Guest " + i + " said the room was fine.\", \"order\": \"[1,2,3]\", \"reward\": " + (i % 2) + "}";
        }
        Run run = CopyCommandTest.poem("feedback", "--memory", memory.toString(), "--from", log("big.jsonl", lines).toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("embedded 256 of 300 queries\nembedded 300 of 300 queries", run.err().strip());
        assertEquals(memory + ": 300 episodes written; 0 kept a larger reward stored earlier for the same query and order", run.out().strip());
        assertEquals(queries, episodes(memory).size());

        byte[] bytes = Files.readAllBytes(memory);
        Run empty = CopyCommandTest.poem("feedback", "--memory", memory.toString(), "--from", log("empty.jsonl", "").toString());
        assertEquals(0, empty.exit(), empty.err());
        assertEquals(memory + ": 0 episodes written; 0 kept a larger reward stored earlier for the same query and order", empty.out().strip());
        assertArrayEquals(bytes, Files.readAllBytes(memory), "nothing to write: the file is left as it is");
    }

    @Test
    void aBadLineNamesTheFileLineAndValueAndNothingIsWritten() throws Exception {
        Path memory = emptyMemory();
        String good = "{\"query\": \"fine\", \"order\": \"[1,2,3]\", \"reward\": 1}";
        byte[] bytes = Files.readAllBytes(memory);
        record Bad(String line, String message) {}
        List<Bad> bads = List.of(
                new Bad("{\"order\": \"[1,2,3]\", \"reward\": 1}", ":2: missing \"query\""),
                new Bad("{\"query\": \"q\", \"order\": \"[1,1,2]\", \"reward\": 1}", ":2: order \"[1,1,2]\" is not an order of ranks 1..m, each once"),
                new Bad("{\"query\": \"q\", \"order\": \"[1,2]\", \"reward\": 1}", ":2: order [1,2] has 2 ranks; " + memory + " was trained with m = 3"),
                new Bad("{\"query\": \"q\", \"order\": \"[1,2,3]\", \"reward\": \"high\"}", ":2: reward \"high\" is not a number"),
                new Bad("{\"query\": \"q\", \"order\": \"[1,2,3]\", \"reward\": 1e400}", ":2: reward 1E+400 is not a finite number"),
                new Bad("{\"query\": \"q\", \"order\": \"[1,2,3]\" \"reward\": 1}", ":2:35: ")); // FILE:LINE:COLUMN, where the comma is missing
        for (Bad bad : bads) {
            Path feedback = log("bad.jsonl", good, bad.line(), good);
            Run run = CopyCommandTest.poem("feedback", "--memory", memory.toString(), "--from", feedback.toString());
            assertEquals(3, run.exit(), bad.line() + "\n" + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("poem feedback: " + feedback + bad.message()), run.err());
            assertEquals("", run.out());
            assertArrayEquals(bytes, Files.readAllBytes(memory), "the memory is unchanged: " + bad.line());
        }
    }

    @Test
    void optionMistakesAreUsageErrorsAndChangeNothing() throws Exception {
        Path memory = emptyMemory();
        byte[] bytes = Files.readAllBytes(memory);
        Path feedback = log("feedback.jsonl", "{\"query\": \"q\", \"order\": \"[1,2,3]\", \"reward\": 1}");
        String m = memory.toString();
        Object[][] cases = {
                {new String[] {"--memory", m, "--query", QUERY, "--reward", "1"}, 2,
                        "missing --order: give --query, --order and --reward for one episode, or --from FILE.jsonl for many"},
                {new String[] {"--memory", m}, 2, "missing --query, --order, --reward: give"},
                {new String[] {"--memory", m, "--from", feedback.toString(), "--query", QUERY}, 2,
                        "give either --from FILE or --query, --order and --reward, not both"},
                {new String[] {"--memory", m, "--query", QUERY, "--order", "[3,3,1]", "--reward", "1"}, 2,
                        "--order '[3,3,1]' is not an order of ranks 1..m, each once, written as poem select prints it: [3,1,4,2]"},
                {new String[] {"--memory", m, "--query", QUERY, "--order", "[3,1,2]", "--reward", "NaN"}, 2,
                        "--reward must be a finite number, got NaN"},
                {new String[] {"--memory", m, "--query", QUERY, "--order", "[2,1]", "--reward", "1"}, 3,
                        "--order [2,1] has 2 ranks; " + m + " was trained with m = 3 (e.g. [1,2,3])"},
                {new String[] {"--memory", dir.resolve("none.poem").toString(), "--from", feedback.toString()}, 3,
                        dir.resolve("none.poem") + ": no such memory file (poem train makes one)"},
        };
        for (Object[] c : cases) {
            String[] args = (String[]) c[0];
            String[] all = new String[args.length + 1];
            all[0] = "feedback";
            System.arraycopy(args, 0, all, 1, args.length);
            Run run = CopyCommandTest.poem(all);
            assertEquals(c[1], run.exit(), String.join(" ", args) + "\n" + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("poem feedback: " + c[2]), run.err());
            assertArrayEquals(bytes, Files.readAllBytes(memory));
        }
        assertFalse(Files.exists(dir.resolve("none.poem.lock")), "no lock file beside a memory that does not exist");
    }

    @Test
    void aMemoryFileInUseByATrainIsRefusedAndLeftAsItIs() throws Exception {
        Path memory = emptyMemory();
        byte[] bytes = Files.readAllBytes(memory);
        try (var held = dev.mnemos.poem.store.MemoryLock.acquire(memory, "poem train")) {
            Run run = CopyCommandTest.poem("feedback", "--memory", memory.toString(), "--query", QUERY, "--order", "[3,1,2]", "--reward", "1");
            assertEquals(3, run.exit(), run.err());
            assertEquals("poem feedback: " + memory + " is in use by poem train, process " + ProcessHandle.current().pid()
                    + " (lock " + memory + ".lock); wait for it to finish, or give another memory file", run.err().strip());
        }
        assertArrayEquals(bytes, Files.readAllBytes(memory));
    }

    @Test
    void feedbackIntoADatabaseIsCommittedAndChangesWhatSelectChooses() throws Exception {
        String url = database("feedback", emptyMemory());
        Run one = CopyCommandTest.poem("feedback", "--memory", url, "--query", QUERY, "--order", "[3,2,1]", "--reward", "1");
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().strip().endsWith(": 1 episode written; 0 kept a larger reward stored earlier for the same query and order"), one.out());
        assertEquals(1, CopyCommandTest.count(url, "SELECT count(*) FROM poem_episode"));

        Path feedback = log("feedback.jsonl",
                "{\"query\": \"" + QUERY + "\", \"order\": \"[1,2,3]\", \"reward\": 0}",
                "{\"query\": \"" + QUERY + "\", \"order\": \"[3,2,1]\", \"reward\": 0.5}");
        Run many = CopyCommandTest.poem("feedback", "--memory", url, "--from", feedback.toString());
        assertEquals(0, many.exit(), many.err());
        assertTrue(many.out().contains("2 episodes written; 1 kept a larger reward"), many.out());
        assertEquals(2, CopyCommandTest.count(url, "SELECT count(*) FROM poem_episode"));
        assertEquals(1000, CopyCommandTest.count(url, "SELECT (max(reward) * 1000)::bigint FROM poem_episode WHERE action = "
                + Permutation.of(3, 2, 1).index()), "the larger reward is kept in the database too");

        Run select = CopyCommandTest.poem("select", "--memory", url, "--query", QUERY);
        assertEquals(0, select.exit(), select.err());
        assertTrue(select.out().startsWith("order [3,2,1] (learned)"), select.out());

        Path bad = log("bad.jsonl", "{\"query\": \"q\", \"order\": \"[1,2,3]\", \"reward\": 1}",
                "{\"query\": \"q\", \"order\": \"[1,2,3,4]\", \"reward\": 1}");
        Run refused = CopyCommandTest.poem("feedback", "--memory", url, "--from", bad.toString());
        assertEquals(3, refused.exit(), refused.err());
        assertTrue(refused.err().startsWith("poem feedback: " + bad + ":2: order [1,2,3,4] has 4 ranks;"), refused.err());
        assertEquals(2, CopyCommandTest.count(url, "SELECT count(*) FROM poem_episode"), "nothing of the bad log is written");
    }

    @Test
    void helpSaysTheOrderFormatAndShowsExamples() {
        Run help = CopyCommandTest.poem("feedback", "--help");
        assertEquals(0, help.exit(), help.err());
        for (String shown : List.of("as poem select prints it", "[3,1,4,2]", "--from=FILE.jsonl", "--query=TEXT", "--order=ORDER",
                "--reward=R", "--db-user", "poem feedback --memory reviews.poem --from feedback.jsonl", "jdbc:postgresql://")) {
            assertTrue(help.out().contains(shown), shown + " in\n" + help.out());
        }
        Run poem = CopyCommandTest.poem("--help");
        assertTrue(poem.err().contains("feedback") || poem.out().contains("feedback"), poem.out() + poem.err());
    }
}
