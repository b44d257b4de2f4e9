package dev.mnemos.cli.run;

import dev.mnemos.cli.JavaProcess;
import dev.mnemos.cli.Cli;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/** A real {@code mnemos run} process stopped by a signal, as Ctrl-C would, then resumed. */
class InterruptTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final ModelServer server = new ModelServer();

    @Test
    void aSignalFlushesTheTraceAndWritesACheckpointFromWhichTheRunGoesOn() throws Exception {
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
        Process p = new ProcessBuilder(javaCommand("run", file.toString(), "--model", RunCommandTest.MODEL,
                "--base-url", server.baseUrl(), "--trace", trace.toString(), "--checkpoint", ckpt.toString(), "--max-steps", "100"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!Files.exists(trace) || Files.readAllLines(trace).size() < 5) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the run was still going: " + Files.readString(dir.resolve("out.txt")));
        p.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        long cycles = new CheckpointStore(ckpt).load().progress().cycles();
        assertTrue(cycles >= 5 && cycles < n + 1, "checkpoint at cycle " + cycles);
        List<String> lines = Files.readAllLines(trace);
        assertEquals(cycles, lines.size(), "the trace holds exactly the completed cycles");
        String said = Files.readString(dir.resolve("out.txt"));
        assertTrue(said.contains("interrupted after " + cycles + " cycles; checkpoint in " + ckpt + " (go on with --resume " + ckpt + ")"), said);

        // the same command again does not start over silently: the interrupted run is offered, its files kept
        String savedCheckpoint = Files.readString(ckpt);
        var again = Cli.commandLine(new MnemosCommand());
        java.io.StringWriter err = new java.io.StringWriter();
        again.setErr(new java.io.PrintWriter(err, true));
        assertEquals(12, again.execute("run", file.toString(), "--model", RunCommandTest.MODEL, "--base-url", server.baseUrl(),
                "--trace", trace.toString(), "--checkpoint", ckpt.toString(), "--max-steps", "100"), err.toString());
        assertEquals("mnemos run: " + ckpt + " holds an unfinished run (" + cycles + " cycles); go on with --resume " + ckpt
                + ", or give this run another --checkpoint (or delete " + ckpt + ")", err.toString().strip());
        assertEquals(savedCheckpoint, Files.readString(ckpt));
        assertEquals(lines, Files.readAllLines(trace));

        Path out = dir.resolve("final.json");
        var cl = Cli.commandLine(new MnemosCommand());
        int code = cl.execute("run", "--resume", ckpt.toString(), "--trace", trace.toString(), "--model", RunCommandTest.MODEL,
                "--base-url", server.baseUrl(), "--out", out.toString(), "--max-steps", "100");
        assertEquals(0, code);
        assertEquals(0L, MemoryFile.load(out).get("n"));
        lines = Files.readAllLines(trace);
        assertEquals(n + 1, lines.size());
        ObjectMapper json = new ObjectMapper();
        for (int k = 0; k < lines.size(); k++) assertEquals(k, json.readTree(lines.get(k)).get("step").asInt());
    }

    private static List<String> javaCommand(String... args) {
        return JavaProcess.command(MnemosCommand.class, List.of(args));
    }
}
