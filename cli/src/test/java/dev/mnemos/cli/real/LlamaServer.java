package dev.mnemos.cli.real;

import dev.mnemos.llama.models.ModelDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real llama.cpp server with SmolLM2-135M-Instruct, started as a user starts it:
 * the model {@code bin/mnemos models fetch smollm2-135m} puts in the model directory (the build's llama
 * module fetches it before these tests run), then
 * {@code tools/llama-server/serve} (which installs the pinned server once) on a free loopback port,
 * one CPU thread and no prompt cache, so that the same prompt at temperature 0 always gets the same
 * answer. Its log goes to a file the tests can watch.
 */
final class LlamaServer implements AutoCloseable {

    static final Path TOOLS = Path.of("..", "tools").toAbsolutePath().normalize();
    private static final Duration START = Duration.ofMinutes(5); // the first start installs the server

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private LlamaServer(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** Starts the server; its log goes to {@code log}. */
    static LlamaServer start(Path log, String... extraOptions) throws IOException, InterruptedException, dev.mnemos.runtime.model.ModelException {
        String model = ModelDirectory.fromEnvironment().resolve("smollm2-135m").toString();
        List<String> command = new java.util.ArrayList<>(List.of(TOOLS.resolve("llama-server/serve").toString(),
                "--model", model, "--port", "0", "--threads", "1", "--no-prompt-cache"));
        command.addAll(List.of(extraOptions));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> readLine(process));
        try {
            String line = firstLine.get(START.toSeconds(), TimeUnit.SECONDS);
            if (line == null || !line.contains("listening on ")) {
                throw new IllegalStateException("the llama.cpp server did not start: " + line + "\n" + Files.readString(log));
            }
            String url = line.substring(line.indexOf("listening on ") + "listening on ".length()).split(" ")[0];
            return new LlamaServer(process, log, url);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the llama.cpp server did not start within " + START + ":\n" + Files.readString(log), e);
        }
    }

    /** The OpenAI-compatible base URL, {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() {
        return baseUrl;
    }

    /** Waits until the server's log holds {@code text} {@code times} times. */
    void awaitLog(String text, int times, Duration within) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(within);
        while (count(Files.readString(log), text) < times) {
            if (Instant.now().isAfter(end)) throw new IllegalStateException("the server never logged '" + text + "'");
            Thread.sleep(5);
        }
    }

    /** SIGKILL: the server dies at once, in the middle of whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: serve.py stops the server
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    private static String readLine(Process process) {
        try {
            return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
