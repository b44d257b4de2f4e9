package dev.mnemos.nativeimage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * utm-run as a native executable does what the JVM's utm-run does, for the runs a user makes: the
 * same exit code, standard output, standard error and files, byte for byte, but for wall times
 * ({@link Outcome#withoutWallTimes}). Each comparison runs natively, then on the JVM, in the same
 * emptied directory; every one also checks that the run did what it is for, so that two runs failing
 * alike do not pass.
 */
class NativeMatchesJvmTest {

    static final Path SAMPLES = Path.of(System.getProperty("mnemos.samples")).toAbsolutePath().normalize();
    static final String SPEC_EXAMPLE = SAMPLES.resolve("bitag/spec-example.json").toString();
    static final String BINARY_INCREMENT = SAMPLES.resolve("machines/binary-increment.json").toString();

    @TempDir
    Path root;

    @BeforeAll
    static void buildOnce() {
        NativeBuild.executable();
    }

    @Test
    void noArgumentsRunTheWorkedExample() throws Exception {
        Outcome o = sameOutcome();
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("words: "), o.out());
        assertTrue(o.err().contains("halted after 11,849 steps"), o.err());
    }

    @Test
    void theSpecExampleAsJson() throws Exception {
        Outcome o = sameOutcome("--bitag", SPEC_EXAMPLE, "--json");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("{\"status\":\"halted\""), o.out());
        assertTrue(o.out().contains("\"seconds\":T,"), "the one wall time, normalised: " + o.out());
    }

    @Test
    void aMachineOfItsOwnOnATape() throws Exception {
        Outcome o = sameOutcome("--machine", BINARY_INCREMENT, "--tape", "1011");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("final tape (from cell "), o.out());
    }

    @Test
    void helpAndVersion() throws Exception {
        Outcome help = sameOutcome("--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: utm-run"), help.out());
        Outcome version = sameOutcome("--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().startsWith("utm-run "), version.out());
    }

    @Test
    void traceAndCacheFilesAreTheSameBytesWithTheSameMode() throws Exception {
        List<Outcome> runs = sameOutcomes(List.of("--trace", "run.jsonl", "--cache", "cache.jsonl"),
                List.of("--trace", "prompts.jsonl", "--trace-prompts", "--cache", "cache.jsonl"));
        assertEquals(0, runs.get(0).code(), runs.get(0).err());
        assertEquals(0, runs.get(1).code(), runs.get(1).err());
        assertTrue(runs.get(1).err().contains("11,850 cache hits"), "the second run answered from the cache: " + runs.get(1).err());
        assertEquals(List.of("cache.jsonl", "prompts.jsonl", "run.jsonl"), List.copyOf(runs.get(1).files().keySet()));
        String mode = new Workspace(root).newFileMode();
        assertEquals(Map.of("cache.jsonl", mode, "prompts.jsonl", mode, "run.jsonl", mode), runs.get(1).modes());
    }

    @Test
    void theInitialMemoryWritten() throws Exception {
        Outcome o = sameOutcome("--write-memory", "memory.json");
        assertEquals(0, o.code(), o.err());
        assertEquals("utm-run: initial memory written to memory.json\n", o.err());
        assertTrue(o.files().get("memory.json").contains("\"boot\""), "a memory file");
    }

    @Test
    void aRunStoppedAtItsStepLimitAndResumedFromItsCheckpoint() throws Exception {
        List<Outcome> runs = sameOutcomes(List.of("--max-steps", "5000", "--checkpoint", "ckpt.json"), List.of("--resume", "ckpt.json"));
        assertEquals(10, runs.get(0).code(), runs.get(0).err());
        assertTrue(runs.get(0).files().get("ckpt.json").contains("\"cycles\":5000"), "the checkpoint after 5,000 cycles");
        assertEquals(0, runs.get(1).code(), runs.get(1).err());
        assertTrue(runs.get(1).err().contains("halted after 11,849 steps"), runs.get(1).err());
    }

    @Test
    void fileNamesOutsideAscii() throws Exception {
        Path bitag = Files.copy(Path.of(SPEC_EXAMPLE), root.resolve("spéc-exämple.json"));
        Outcome o = sameOutcome("--bitag", bitag.toString(), "--trace", "trâce.jsonl");
        assertEquals(0, o.code(), o.err());
        assertEquals(Set.of("trâce.jsonl"), o.files().keySet());
        Outcome missing = sameOutcome("--bitag", "nö.json");
        assertEquals(3, missing.code(), missing.err());
        assertEquals("utm-run: nö.json: no such file\n", new String(missing.err().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    @Test
    void aMissingInputFile() throws Exception {
        Outcome o = sameOutcome("--bitag", "missing.json");
        assertEquals(3, o.code(), o.err());
        assertTrue(o.err().contains("missing.json"), o.err());
    }

    @Test
    void malformedBiTagJsonIsNamedByFileAndLine() throws Exception {
        Path bad = Files.writeString(root.resolve("bad.json"), "{\n  \"q\": 2,\n  \"h\": ,\n  \"word\": \"e1\"\n}\n");
        Outcome o = sameOutcome("--bitag", bad.toString());
        assertEquals(3, o.code(), o.err());
        assertTrue(o.err().contains(bad + ":3"), o.err());
    }

    @Test
    void anUnknownOption() throws Exception {
        Outcome o = sameOutcome("--frobnicate");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--frobnicate"), o.err());
    }

    @Test
    void aJvmOptionIsAnUnknownOptionToo() throws Exception {
        Outcome o = sameOutcome("-Xmx64m");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("-Xmx64m"), o.err());
    }

    @Test
    void resyncWithoutResume() throws Exception {
        Outcome o = sameOutcome("--resync");
        assertEquals(2, o.code(), o.err());
        assertEquals("utm-run: --resync goes with --resume CHECKPOINT\n", o.err());
    }

    @Test
    void aReaderThatGoesAwayEndsTheRunAsOnTheJvm() throws Exception {
        List<String> args = List.of("--bitag", SPEC_EXAMPLE); // its words come at the end, after the reader has gone
        Workspace w = new Workspace(root);
        Outcome natively = w.runIntoAClosedPipe(UtmRunner.NATIVE, args).withoutWallTimes();
        Outcome onTheJvm = w.runIntoAClosedPipe(UtmRunner.JVM, args).withoutWallTimes();
        assertSame("--bitag spec-example.json | (a reader that has gone)", onTheJvm, natively);
        assertEquals(0, natively.code(), "no SIGPIPE ends it (the JVM ignores SIGPIPE): " + natively.err());
    }

    /** One invocation: {@link #sameOutcomes}. */
    private Outcome sameOutcome(String... args) throws Exception {
        return sameOutcomes(List.of(args)).get(0);
    }

    /**
     * Runs the invocations in turn natively, then on the JVM, in the same emptied directory;
     * asserts each pair of outcomes the same (wall times aside), and returns them.
     */
    @SafeVarargs
    private List<Outcome> sameOutcomes(List<String>... invocations) throws Exception {
        Workspace w = new Workspace(root);
        List<Outcome> natively = w.runAll(UtmRunner.NATIVE, List.of(invocations));
        List<Outcome> onTheJvm = w.runAll(UtmRunner.JVM, List.of(invocations));
        for (int k = 0; k < invocations.length; k++) {
            assertSame(String.join(" ", invocations[k]), onTheJvm.get(k).withoutWallTimes(), natively.get(k).withoutWallTimes());
        }
        return natively.stream().map(Outcome::withoutWallTimes).toList();
    }

    static void assertSame(String invocation, Outcome jvm, Outcome natively) {
        String what = (invocation.isEmpty() ? "utm-run" : "utm-run " + invocation) + ": ";
        assertSameText(what + "standard error", jvm.err(), natively.err());
        assertSameText(what + "standard output", jvm.out(), natively.out());
        assertEquals(jvm.code(), natively.code(), what + "exit code");
        assertEquals(jvm.files().keySet(), natively.files().keySet(), what + "the files in the directory");
        for (String file : jvm.files().keySet()) assertSameText(what + file, jvm.files().get(file), natively.files().get(file));
        assertEquals(jvm.modes(), natively.modes(), what + "file modes");
    }

    /** Equal texts; else the first line that differs (a trace has thousands). */
    static void assertSameText(String what, String jvm, String natively) {
        if (jvm.equals(natively)) return;
        String[] expected = jvm.split("\n", -1);
        String[] actual = natively.split("\n", -1);
        int k = 0;
        while (k < expected.length && k < actual.length && expected[k].equals(actual[k])) k++;
        fail(what + " differs at line " + (k + 1) + " of " + expected.length + " (JVM) / " + actual.length + " (native):\n  JVM:    "
                + line(expected, k) + "\n  native: " + line(actual, k));
    }

    private static String line(String[] lines, int k) {
        if (k >= lines.length) return "(no line)";
        return lines[k].length() <= 400 ? lines[k] : lines[k].substring(0, 400) + "...";
    }
}
