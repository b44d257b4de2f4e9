package dev.mnemos.cli.utm;

import dev.mnemos.cli.JavaProcess;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resuming a verified run: never verified against its own (possibly wrong) memory; nothing lost. */
class UtmResumeTest {

    static final String MODEL = "llama2";
    static final PromptSet U152 = PromptFiles.u152();
    static final String WRONG_G0 = "\" op=\"%[H]\" %[i]=\"0\" i+=1 \"";

    @RegisterExtension
    final ModelServer server = new ModelServer();

    @TempDir
    Path dir;

    private boolean wrong;

    /**
     * A model right on every prompt, answering after {@code delayMs}; wrong on G reading 0 when asked.
     * Runs in-process use a prompt cache of this model's own (29 calls a run).
     */
    void model(boolean wrongOnG0, int delayMs) {
        wrong = wrongOnG0;
        server.resetAll();
        for (PromptSet.Transition t : U152.transitions()) {
            server.stubFor(UtmBenchModelTest.asking(Api.OLLAMA_GENERATE, t.prompt())
                    .willReturn(Api.OLLAMA_GENERATE.response(MODEL, t.answer(), false).withFixedDelay(delayMs)));
        }
        if (wrongOnG0) {
            server.stubFor(UtmBenchModelTest.asking(Api.OLLAMA_GENERATE, U152.prompt("G", "0"))
                    .willReturn(Api.OLLAMA_GENERATE.response(MODEL, WRONG_G0, false).withFixedDelay(delayMs)));
        }
    }

    UtmRunTest.Outcome run(String... args) {
        List<String> all = new ArrayList<>(List.of("--model", MODEL, "--base-url", server.baseUrl(), "--retries", "0",
                "--cache", dir.resolve(wrong ? "wrong.cache" : "right.cache").toString()));
        all.addAll(List.of(args));
        return UtmRunTest.utmRun(all.toArray(String[]::new));
    }

    @Test
    void aRunStoppedOnAMismatchDoesNotResumeAsCleanUnlessAskedToResynchronise() throws Exception {
        model(true, 0);
        Path trace = dir.resolve("run.jsonl");
        Path checkpoint = dir.resolve("c.json");
        UtmRunTest.Outcome first = run("--trace", trace.toString(), "--checkpoint", checkpoint.toString(), "--json");
        assertEquals(11, first.code(), first.err());
        long step = first.json().get("firstMismatchStep").asLong();
        String traced = Files.readString(trace);
        assertTrue(first.err().contains("(go on with --resume " + checkpoint + " --resync)"), "the command that works: " + first.err());

        model(false, 0); // a correct model now: the memory still holds the wrong write of step `step`
        UtmRunTest.Outcome again = run("--resume", checkpoint.toString(), "--trace", trace.toString(), "--json");
        assertEquals(11, again.code(), again.err());
        assertTrue(again.err().contains("stopped on a mismatch at step " + step) && again.err().contains("--resync"), again.err());
        assertEquals(traced, Files.readString(trace), "a refused resume leaves the trace alone");
        assertTrue(Files.exists(checkpoint));

        UtmRunTest.Outcome resync = run("--resume", checkpoint.toString(), "--trace", trace.toString(), "--resync", "--json");
        assertEquals(11, resync.code(), "a run with a mismatch is never reported clean: " + resync.err());
        JsonNode s = resync.json();
        assertTrue(s.get("halted").asBoolean());
        assertEquals(1, s.get("mismatches").asLong());
        assertEquals(step, s.get("firstMismatchStep").asLong());
        assertEquals("e2 a1", s.get("finalWord").asText(), "resynchronised: the reference configuration, not the wrong write");
        assertTrue(resync.err().contains("1 mismatch, the first at step " + step), resync.err());
        assertFalse(Files.exists(checkpoint), "a resumed run that halts deletes its checkpoint");
        assertTrue(resync.err().contains("checkpoint " + checkpoint + " deleted"), resync.err());

        UtmRunTest.Outcome offline = UtmVerifyTest.utmVerify(trace.toString(), "--json");
        assertEquals(11, offline.code(), offline.err());
        JsonNode report = UtmRunTest.JSON.readTree(offline.out().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(1, report.get("mismatches").asLong(), "the trace agrees with what the run reported");
    }

    @Test
    void mismatchesCountedBeforeAnInterruptionStayCountedAfterTheResume() throws Exception {
        model(true, 0);
        UtmRunTest.Outcome whole = run("--continue-on-mismatch", "--json", "--checkpoint", dir.resolve("w.json").toString());
        assertEquals(11, whole.code(), whole.err());
        long mismatches = whole.json().get("mismatches").asLong();
        assertTrue(mismatches > 1, whole.err());

        Path checkpoint = dir.resolve("c.json");
        Path trace = dir.resolve("run.jsonl");
        UtmRunTest.Outcome part = run("--continue-on-mismatch", "--json", "--checkpoint", checkpoint.toString(),
                "--trace", trace.toString(), "--max-steps", "3000");
        assertEquals(10, part.code(), part.err());
        long before = part.json().get("mismatches").asLong();
        assertTrue(before > 0, part.err());
        UtmRunTest.Outcome rest = run("--continue-on-mismatch", "--json", "--resume", checkpoint.toString(), "--trace", trace.toString());
        assertEquals(11, rest.code(), rest.err());
        assertEquals(mismatches, rest.json().get("mismatches").asLong(), rest.err());
        assertEquals(whole.json().get("firstMismatchStep").asLong(), rest.json().get("firstMismatchStep").asLong());
        assertEquals("e2 a1", rest.json().get("finalWord").asText());
        assertEquals(List.of("e1 a1", "a1 e2", "e2 a1"), words(rest.json()), "the words seen before the interruption are kept");
    }

    @Test
    void aResumedRunThatMeetsAMismatchSaysSo() throws Exception {
        model(false, 0);
        Path checkpoint = dir.resolve("c.json");
        assertEquals(10, run("--checkpoint", checkpoint.toString(), "--max-steps", "10").code());
        model(true, 0);
        UtmRunTest.Outcome rest = run("--resume", checkpoint.toString(), "--json");
        assertEquals(11, rest.code(), rest.err());
        assertEquals(1, rest.json().get("mismatches").asLong());
        assertTrue(rest.json().get("error").asText().startsWith("verification: step "), rest.out());
        assertTrue(Files.exists(checkpoint));
    }

    @Test
    void aResumedBitagRunDecodesAllItsWordsWithOrWithoutBitag() throws Exception {
        Path checkpoint = dir.resolve("c.json");
        UtmRunTest.Outcome first = UtmRunTest.utmRun("--bitag", "../samples/bitag/worked-example.json", "--max-steps", "5000",
                "--checkpoint", checkpoint.toString());
        assertEquals(10, first.code(), first.err());
        Files.copy(checkpoint, dir.resolve("copy.json"));
        UtmRunTest.Outcome rest = UtmRunTest.utmRun("--bitag", "../samples/bitag/worked-example.json", "--resume", checkpoint.toString());
        assertEquals(0, rest.code(), rest.err());
        assertEquals("words: e1 a1 -> a1 e2 -> e2 a1\nfinal word: e2 a1\n", rest.out());
        UtmRunTest.Outcome plain = UtmRunTest.utmRun("--resume", dir.resolve("copy.json").toString());
        assertEquals(0, plain.code(), plain.err());
        assertEquals("words: e1 a1 -> a1 e2 -> e2 a1\nfinal word: e2 a1\n", plain.out(), "the checkpoint knows its bi-tag program");
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointIntervalResumesAndCountsTheSameMismatches() throws Exception {
        model(true, 0);
        UtmRunTest.Outcome whole = run("--continue-on-mismatch", "--json", "--checkpoint", dir.resolve("w.json").toString());
        long mismatches = whole.json().get("mismatches").asLong();

        model(true, 15); // slow enough to be killed mid-run, long before the first 5 s interval
        Path checkpoint = dir.resolve("c.json");
        Path trace = dir.resolve("run.jsonl");
        long started = System.nanoTime();
        Process p = utmRunProcess("--model", MODEL, "--base-url", server.baseUrl(), "--continue-on-mismatch",
                "--checkpoint", checkpoint.toString(), "--trace", trace.toString());
        try {
            waitForLines(p, trace, 40);
            // while it runs, nobody else may take the run
            UtmRunTest.Outcome second = run("--resume", checkpoint.toString(), "--trace", trace.toString());
            assertEquals(12, second.code(), second.err() + " lock files: " + listing(dir));
            assertTrue(second.err().contains("in use by another run (process " + p.pid() + ")"), second.err());
            assertEquals(1, second.err().lines().count(), second.err());
        } finally {
            p.destroyForcibly(); // kill -9
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long traced = Files.readAllLines(trace).size();
        assertTrue(traced >= 40, traced + " lines");
        long saved = new CheckpointStore(checkpoint).load().progress().cycles();
        if (seconds < 4.5) assertEquals(0, saved, "killed before the first 5 s interval: the checkpoint written at the start");
        assertTrue(saved < traced, "the trace holds cycles the checkpoint does not: the resume must replay them");

        model(true, 0);
        UtmRunTest.Outcome rest = run("--continue-on-mismatch", "--json", "--resume", checkpoint.toString(), "--trace", trace.toString());
        assertEquals(11, rest.code(), rest.err());
        JsonNode s = rest.json();
        assertTrue(s.get("halted").asBoolean());
        assertEquals(mismatches, s.get("mismatches").asLong(), "the replayed cycles were verified as the killed run verified them");
        assertEquals(11_850, Files.readAllLines(trace).size());
        assertTrue(s.get("modelCalls").asLong() >= traced, "the killed run's calls are counted");
        UtmRunTest.Outcome offline = UtmVerifyTest.utmVerify(trace.toString(), "--json");
        JsonNode report = UtmRunTest.JSON.readTree(offline.out().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(mismatches, report.get("mismatches").asLong());
    }

    @Test
    void twoRunsInOneDirectoryGetTheirOwnDefaultCheckpointsAndNeitherIsOverwritten() throws Exception {
        model(false, 0);
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        UtmRunTest.Outcome runA = run("--trace", a.toString(), "--max-steps", "50");
        assertEquals(10, runA.code(), runA.err());
        Path checkpointA = dir.resolve("a.checkpoint.json");
        assertTrue(runA.err().contains("go on with --resume " + checkpointA), runA.err());
        String savedA = Files.readString(checkpointA);
        UtmRunTest.Outcome runB = run("--trace", b.toString(), "--max-steps", "70");
        assertEquals(10, runB.code(), runB.err());
        assertEquals(70, new CheckpointStore(dir.resolve("b.checkpoint.json")).load().progress().cycles());

        UtmRunTest.Outcome again = run("--trace", a.toString(), "--max-steps", "20");
        assertEquals(12, again.code(), again.err());
        assertTrue(again.err().contains(checkpointA + " holds an unfinished run") && again.err().contains("--resume " + checkpointA), again.err());
        assertEquals(savedA, Files.readString(checkpointA));
        assertEquals(50, Files.readAllLines(a).size(), "its trace is left alone too");
    }

    @Test
    void aRunStoppedAtALimitDoesNotBlockANewRunInItsDirectoryItIsOfferedAndKept() throws Exception {
        model(false, 0);
        List<String> model = List.of("--model", MODEL, "--base-url", server.baseUrl(), "--retries", "0", "--cache", "right.cache");
        Path first = dir.resolve("utm-run.checkpoint.json");
        ProcessResult limited = utmRunIn(dir, model, "--max-steps", "500");
        assertEquals(10, limited.code(), limited.output());
        assertTrue(Files.exists(first));
        String saved = Files.readString(first);

        ProcessResult fresh = utmRunIn(dir, model); // a new, unrelated run in the same directory
        assertEquals(0, fresh.code(), fresh.output());
        assertTrue(fresh.output().contains("utm-run: utm-run.checkpoint.json holds an unfinished run (500 cycles; go on with --resume"
                + " utm-run.checkpoint.json); this run checkpoints to utm-run.2.checkpoint.json"), fresh.output());
        assertEquals(saved, Files.readString(first), "the unfinished run is kept for a resume");
        assertFalse(Files.exists(dir.resolve("utm-run.2.checkpoint.json")), "the new run halted: its own checkpoint is deleted");

        ProcessResult resumed = utmRunIn(dir, model, "--resume", "utm-run.checkpoint.json");
        assertEquals(0, resumed.code(), resumed.output());
        assertFalse(Files.exists(first));
    }

    @Test
    void aRunThatFailsBeforeItsFirstCycleLeavesNoCheckpoint() throws Exception {
        List<String> unreachable = List.of("--model", MODEL, "--base-url", "http://127.0.0.1:1", "--retries", "0");
        ProcessResult failed = utmRunIn(dir, unreachable);
        assertEquals(4, failed.code(), failed.output());
        assertTrue(failed.output().contains("utm-run: checkpoint utm-run.checkpoint.json deleted (no cycle ran)"), failed.output());
        assertEquals("[]", listing(dir), "nothing to resume, nothing left behind");

        ProcessResult again = utmRunIn(dir, unreachable);
        assertFalse(again.output().contains("holds an unfinished run"), "no run to offer: " + again.output());
        assertEquals("[]", listing(dir));
    }

    record ProcessResult(int code, String output) {}

    /** utm-run as a process in {@code directory} (where its default checkpoint goes), standard output and error together. */
    static ProcessResult utmRunIn(Path directory, List<String> args, String... more) throws Exception {
        List<String> cmd = new ArrayList<>(JavaProcess.command(UtmRun.class, args));
        cmd.addAll(List.of(more));
        Process p = new ProcessBuilder(cmd).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new ProcessResult(p.exitValue(), output);
    }

    static String listing(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().toString();
        }
    }

    static List<String> words(JsonNode summary) {
        List<String> out = new ArrayList<>();
        JsonNode w = summary.get("words");
        assertNotNull(w, summary.toString());
        w.forEach(x -> out.add(x.asText()));
        return out;
    }

    static Process utmRunProcess(String... args) throws Exception {
        List<String> cmd = JavaProcess.command(UtmRun.class, List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    static void waitForLines(Process p, Path trace, int lines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(trace) && Files.readAllLines(trace).size() >= lines) return;
            Thread.sleep(20);
        }
        throw new AssertionError("the run wrote fewer than " + lines + " trace lines (alive: " + p.isAlive() + ")");
    }
}
