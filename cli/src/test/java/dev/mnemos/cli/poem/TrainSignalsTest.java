package dev.mnemos.cli.poem;

import dev.mnemos.cli.JavaProcess;
import dev.mnemos.poem.sim.BiasedModel;
import dev.mnemos.poem.sim.SampleData;
import dev.mnemos.runtime.model.ModelServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Real {@code poem train} processes sent SIGINT at random early moments (while the JVM starts, while
 * MiniLM's ONNX session is built, while the pool is embedded, in the first model calls): each ends
 * with exit 130 and its one line, after the native work it was in has returned, never with a
 * crash of the JVM (exit 134, an hs_err file).
 */
class TrainSignalsTest {

    @RegisterExtension
    static final ModelServer server = new ModelServer(new BiasedModel(0.9, 42));

    @TempDir
    Path dir;

    @Test
    void sigintAtRandomEarlyMomentsEndsTheRunWith130NeverACrash() throws Exception {
        server.stubFor(post(urlPathEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.model", equalTo("biased")))
                .willReturn(aResponse().withTransformers(BiasedModel.NAME)));
        server.setGlobalFixedDelay(6_000); // a transformer's response drops a stub's own delay: each call takes 6 s, so the run is still training when the signal comes
        Random random = new Random(19_14);
        for (int run = 0; run < 8; run++) {
            Path runDir = Files.createDirectory(dir.resolve("run" + run));
            Process p = start(runDir);
            long delay = 300 + random.nextInt(2_700);
            Thread.sleep(delay);
            assertTrue(p.isAlive(), "still running after " + delay + " ms: " + Files.readString(runDir.resolve("err.txt"))
                    + Files.readString(runDir.resolve("out.txt")));
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "run " + run + " ended");
            String err = Files.readString(runDir.resolve("err.txt"));
            try (Stream<Path> files = Files.list(runDir)) {
                assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("hs_err")).toList(),
                        "no JVM crash, SIGINT after " + delay + " ms: " + err);
            }
            assertEquals(130, p.exitValue(), "SIGINT after " + delay + " ms: " + err);
            if (!err.isBlank()) { // a signal before the command set up its handling ends the JVM as the JVM does: silently, 130
                assertTrue(err.strip().lines().reduce((a, b) -> b).orElse("").contains("interrupted"),
                        "SIGINT after " + delay + " ms: " + err);
            }
            assertFalse(Files.exists(runDir.resolve("m.poem.lock")), "no lock file left");
        }
    }

    Process start(Path runDir) throws Exception {
        List<String> cmd = JavaProcess.command(PoemCommand.class, List.of(
                "train", "--data", SampleData.dir().resolve("reviews.jsonl").toAbsolutePath().toString(), "--memory", runDir.resolve("m.poem").toString(),
                "--limit", "20", "--m", "3", "--orders", "6", "--model", "biased", "--base-url", server.baseUrl(), "--style", "chat",
                "--retries", "0"));
        return new ProcessBuilder(cmd).directory(runDir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(runDir.resolve("out.txt").toFile()).redirectError(runDir.resolve("err.txt").toFile()).start();
    }
}
