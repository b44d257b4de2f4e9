package dev.mnemos.nativeimage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A native utm-run sent SIGINT, SIGTERM or SIGHUP stops as the JVM's does (cli's Signals): after its
 * cycle, its trace flushed and its checkpoint written, with the usual summary naming the checkpoint,
 * exit 130, 143 or 129; and the checkpoint goes on to the run's end. Each test stops the same run on both
 * runners and holds both to the same messages, built from the checkpoint each left.
 */
class NativeSignalsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The spec example with every prompt in the trace: about 2 s natively, so a signal finds it running. */
    static final List<String> LONG_RUN = List.of("--bitag", NativeMatchesJvmTest.SPEC_EXAMPLE, "--trace", "t.jsonl", "--trace-prompts",
            "--checkpoint", "c.json");

    @TempDir
    Path root;

    /** Where the uninterrupted run runs, once for the class. */
    @TempDir
    static Path shared;

    @Test
    void sigintStopsTheRunWithACheckpointAndExits130() throws Exception {
        for (UtmRunner runner : UtmRunner.values()) stopAndGoOn(runner, "INT", 130);
    }

    @Test
    void sigtermStopsTheRunWithACheckpointAndExits143() throws Exception {
        for (UtmRunner runner : UtmRunner.values()) stopAndGoOn(runner, "TERM", 143);
    }

    @Test
    void aHangupStopsTheRunAsASignalDoesAndExits129() throws Exception {
        for (UtmRunner runner : UtmRunner.values()) stopAndGoOn(runner, "HUP", 129); // through the exit's one shutdown hook
    }

    /** The run stopped by {@code signal}: its message, exit code and checkpoint; then resumed to its end. */
    void stopAndGoOn(UtmRunner runner, String signal, int exitCode) throws Exception {
        Workspace w = new Workspace(root.resolve(runner + "-" + signal));
        Outcome stopped = stop(w, runner, signal).withoutWallTimes();
        String what = runner + " utm-run sent SIG" + signal + ": ";
        assertEquals(exitCode, stopped.code(), what + stopped.err());
        JsonNode checkpoint = JSON.readTree(stopped.files().get("c.json"));
        long cycles = checkpoint.get("progress").get("cycles").asLong();
        assertEquals(expectedMessage(checkpoint), stopped.err(), what + "standard error");
        assertEquals(expectedWords(checkpoint), stopped.out(), what + "standard output");
        assertEquals(cycles, lines(w.dir.resolve("t.jsonl")), what + "the trace holds the checkpoint's cycles");

        Outcome resumed = w.finish(w.start(runner, List.of("--resume", "c.json", "--json")));
        assertEquals(0, resumed.code(), runner + " utm-run --resume: " + resumed.err());
        assertEquals(uninterrupted(), resumed.withoutWallTimes().out(), runner + " utm-run --resume: the summary of the run as if never stopped");
        assertEquals(JSON.readTree(resumed.out()).get("cycles").asLong(), lines(w.dir.resolve("t.jsonl")), "every cycle traced once");
    }

    /** Starts the long run, signals it once it has traced its first cycle, and waits for it to end. */
    static Outcome stop(Workspace w, UtmRunner runner, String signal) throws Exception {
        Process p = w.start(runner, LONG_RUN);
        Path trace = w.dir.resolve("t.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && (!Files.exists(trace) || Files.size(trace) == 0) && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(p.isAlive(), runner + " utm-run ended before it was signalled");
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
        return w.finish(p);
    }

    /** What utm-run says when a signal stops it after the checkpoint's cycles. */
    static String expectedMessage(JsonNode checkpoint) {
        String cycles = count(checkpoint.get("progress").get("cycles").asLong(), "cycles");
        String calls = count(checkpoint.get("progress").get("modelCalls").asLong(), "model calls");
        return "utm-run: interrupted after " + cycles + "; checkpoint in c.json (go on with --resume c.json) (" + cycles + ", " + calls
                + ", 0 cache hits, T s), head at cell " + checkpoint.get("memory").get("i").asLong() + "\n"
                + "utm-run: verification: the " + cycles + " run matched the reference machine\n";
    }

    /** The words the checkpoint holds, as utm-run prints a run not halted. */
    static String expectedWords(JsonNode checkpoint) {
        List<String> words = new ArrayList<>();
        checkpoint.get("sections").get("words").forEach(word -> words.add(word.asText()));
        return "words: " + String.join(" -> ", words) + "\nword so far (not halted): " + words.get(words.size() - 1) + "\n";
    }

    private static String uninterruptedSummary;

    /** The JVM's --json summary of the spec example run once, uninterrupted (wall time aside). */
    static synchronized String uninterrupted() throws Exception {
        if (uninterruptedSummary == null) {
            Outcome o = new Workspace(shared).runAll(UtmRunner.JVM, List.of(List.of("--bitag", NativeMatchesJvmTest.SPEC_EXAMPLE, "--json")))
                    .get(0).withoutWallTimes();
            assertEquals(0, o.code(), o.err());
            uninterruptedSummary = o.out();
        }
        return uninterruptedSummary;
    }

    static String count(long n, String plural) {
        return String.format(Locale.ROOT, "%,d %s", n, plural);
    }

    static long lines(Path file) throws Exception {
        try (Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.count();
        }
    }
}
