package dev.mnemos.cli.run;

import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.memory.MemoryFile;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.mnemos.cli.JavaProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A real {@code mnemos run} process (no terminal: its streams go to files) sent SIGINT or SIGTERM,
 * as {@code kill -INT} / {@code kill} would: both say so, flush the trace, write a checkpoint and
 * exit 130 or 143.
 */
class SignalsTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ModelServer server = new ModelServer();

    @Test
    void sigintWithoutATerminalStopsTheRunSaysSoAndExits130() throws Exception {
        Stopped s = runAndSignal("INT");
        assertEquals(130, s.exitCode, s.err);
        Path ckpt = dir.resolve("run.ckpt");
        assertTrue(s.err.contains("mnemos run: interrupted after " + s.cycles + " cycles; checkpoint in " + ckpt + " (go on with --resume " + ckpt + ")"), s.err);
    }

    @Test
    void sigtermIsHandledAsSigintAndExits143() throws Exception {
        Stopped s = runAndSignal("TERM");
        assertEquals(143, s.exitCode, s.err);
        Path ckpt = dir.resolve("run.ckpt");
        assertTrue(s.err.contains("mnemos run: interrupted after " + s.cycles + " cycles; checkpoint in " + ckpt + " (go on with --resume " + ckpt + ")"), s.err);
    }

    @Test
    void aHangupEndsTheRunAsASignalDoesThroughTheOneShutdownHook() throws Exception {
        Stopped s = runAndSignal("HUP"); // the JVM's own handling: it exits, and cli.Signals' hook lets the run end first
        assertEquals(129, s.exitCode, s.err);
        Path ckpt = dir.resolve("run.ckpt");
        assertTrue(s.err.contains("mnemos run: interrupted after " + s.cycles + " cycles; checkpoint in " + ckpt + " (go on with --resume " + ckpt + ")"), s.err);
    }

    @Test
    void aCommandWithNothingToStopSaysItWasTerminated() throws Exception {
        // a model that never answers in time: the run is inside its first model call
        server.stubFor(post(urlPathEqualTo("/api/generate"))
                .willReturn(Api.OLLAMA_GENERATE.response(RunCommandTest.MODEL, " \" op=\"halt\" \"", false).withFixedDelay(30_000)));
        Process p = start("run", RunCommandTest.PROGRAM.toString(), "--model", RunCommandTest.MODEL,
                "--base-url", server.baseUrl(), "--timeout", "60");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        assertFalse(server.getAllServeEvents().isEmpty(), "the model was called");
        signal(p, "TERM");
        awaitDelivered(p, 15); // (two kills before the process is scheduled make one signal: a loaded machine did)
        signal(p, "TERM"); // a second signal does not wait for the call in progress
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the process ended");
        assertEquals(143, p.exitValue());
        assertTrue(Files.readString(dir.resolve("err.txt")).contains("mnemos: terminated (SIGTERM) again; stopping without waiting"),
                Files.readString(dir.resolve("err.txt")));
    }

    record Stopped(int exitCode, String err, long cycles) {}

    Stopped runAndSignal(String signal) throws Exception {
        int n = 30;
        Memory program = MemoryFile.load(RunCommandTest.PROGRAM);
        program.put("n", n);
        Path file = dir.resolve("program.json");
        MemoryFile.save(program, file);
        for (int k = 0; k <= n; k++) { // a perfect countdown model that takes 60 ms an answer
            String answer = k == 0 ? " \" op=\"halt\" \"" : " \" n-=1 op=\"%[A]\" \"";
            server.stubFor(post(urlPathEqualTo("/api/generate"))
                    .withRequestBody(matchingJsonPath("$.prompt", containing("\" op=\"halt\" \"\nn = " + k + "\nif")))
                    .willReturn(Api.OLLAMA_GENERATE.response(RunCommandTest.MODEL, answer, false).withFixedDelay(60)));
        }
        Path trace = dir.resolve("run.jsonl");
        Path ckpt = dir.resolve("run.ckpt");
        Process p = start("run", file.toString(), "--model", RunCommandTest.MODEL, "--base-url", server.baseUrl(),
                "--trace", trace.toString(), "--checkpoint", ckpt.toString(), "--max-steps", "100");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!Files.exists(trace) || Files.readAllLines(trace).size() < 3) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the run was still going: " + Files.readString(dir.resolve("err.txt")));
        signal(p, signal);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        long cycles = new CheckpointStore(ckpt).load().progress().cycles();
        assertEquals(cycles, Files.readAllLines(trace).size(), "the trace holds exactly the checkpoint's cycles");
        return new Stopped(p.exitValue(), Files.readString(dir.resolve("err.txt")), cycles);
    }

    Process start(String... args) throws Exception {
        List<String> cmd = JavaProcess.command(MnemosCommand.class, List.of(args));
        return new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
    }

    /** Waits until signal {@code number} sent to {@code p} is no longer pending, that is, was delivered. */
    static void awaitDelivered(Process p, int number) throws Exception {
        long bit = 1L << (number - 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) return; // (delivered, and it ended the process)
            boolean pending = false;
            for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                if (line.startsWith("ShdPnd:") || line.startsWith("SigPnd:")) pending |= (Long.parseUnsignedLong(line.substring(7).strip(), 16) & bit) != 0;
            }
            if (!pending) return;
            Thread.sleep(10);
        }
        throw new AssertionError("signal " + number + " still pending after 10 s");
    }

    static void signal(Process p, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
    }
}
