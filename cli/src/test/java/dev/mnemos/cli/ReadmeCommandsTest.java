package dev.mnemos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.mnemos.cli.run.MnemosCommand;
import dev.mnemos.cli.utm.LagCheck;
import dev.mnemos.cli.utm.LagRunCommand;
import dev.mnemos.cli.utm.UtmBench;
import dev.mnemos.cli.utm.UtmRun;
import dev.mnemos.cli.utm.UtmVerify;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.reference.ReferenceProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The top README's commands, as written there, run as processes (the launcher's main class on the
 * test class path) in a scratch directory beside the samples, so a README that drifts from the
 * commands fails the build. Where a command names a model, an Ollama stand-in answers: U15,2's
 * prompts from utm's reference machine, the countdown program's by its rule; {@code --base-url}
 * is added to point at it, and a prompt cache where there is none (the same run with one call per
 * distinct prompt instead of one per cycle); lag-check's lookups with the value its prompt's dictionary gives. Not run here: poem train and nam capacity (minutes of CPU on the
 * in-process MiniLM encoder; their own tests cover them).
 */
class ReadmeCommandsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Map<String, Class<?>> MAINS = Map.of(
            "bin/utm-run", UtmRun.class, "bin/utm-verify", UtmVerify.class, "bin/utm-bench", UtmBench.class,
            "bin/mnemos", MnemosCommand.class, "bin/lag-check", LagCheck.class, "bin/lag-run", LagRunCommand.class);
    static final List<String> NOT_RUN_HERE = List.of("bin/poem", "bin/nam");

    @TempDir
    Path dir;
    WireMockServer ollama;

    @BeforeEach
    void anOllamaStandIn() throws Exception {
        ollama = new WireMockServer(options().dynamicPort().extensions(new StandIn()));
        ollama.start();
        ollama.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(StandIn.NAME)));
        Files.createSymbolicLink(dir.resolve("samples"), ROOT.resolve("samples"));
    }

    @AfterEach
    void stop() {
        ollama.stop();
    }

    @Test
    void everyCommandInTheTopReadmeRunsAndEndsAsItSays() throws Exception {
        List<String> commands = commands(Files.readString(ROOT.resolve("README.md")));
        assertTrue(commands.size() >= 8, "found " + commands);
        int ran = 0;
        for (String command : commands) {
            List<String> words = List.of(command.split("\\s+"));
            if (NOT_RUN_HERE.contains(words.get(0))) continue;
            Class<?> main = MAINS.get(words.get(0));
            assertNotNull(main, "a README command with no known launcher: " + command);
            List<String> args = new ArrayList<>(words.subList(1, words.size()));
            if (args.contains("--model")) {
                args.addAll(List.of("--base-url", ollama.baseUrl()));
                // the same run and result; a prompt cache keeps it to U15,2's 29 distinct prompts instead of one call a cycle
                if (!args.contains("--cache") && words.get(0).equals("bin/utm-run")) {
                    args.addAll(List.of("--cache", "stand-in.cache"));
                }
            }
            Result r = run(main, args);
            assertEquals(0, r.code, command + "\n" + r.err);
            ran++;
            if (command.contains("--trace run.jsonl") && command.startsWith("bin/utm-run")) {
                Result verify = run(UtmVerify.class, List.of("run.jsonl")); // the README's "then: bin/utm-verify run.jsonl"
                assertEquals(0, verify.code, verify.err);
            }
            for (String out : List.of("--html", "--out", "--trace")) {
                int i = args.indexOf(out);
                if (i >= 0) assertTrue(Files.size(dir.resolve(args.get(i + 1))) > 0, command + " wrote " + args.get(i + 1));
            }
        }
        assertTrue(ran >= 6, "ran " + ran);
    }

    /** The lines of fenced blocks that start with a launcher, without their trailing comments; not synopses. */
    static List<String> commands(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher block = Pattern.compile("(?ms)^```sh\\n(.*?)^```").matcher(markdown);
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                if (!line.startsWith("bin/")) continue;
                String command = line.replaceFirst("\\s+#.*$", "").strip();
                if (command.contains("[") || command.matches(".*\\b[A-Z]+\\.json.*")) continue; // a synopsis
                out.add(command);
            }
        }
        return out;
    }

    record Result(int code, String err) {}

    Result run(Class<?> main, List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", args));
        return new Result(p.exitValue(), Files.readString(dir.resolve("err.txt")));
    }

    /** Ollama's /api/generate and /api/chat, answering as U15,2's reference machine or the countdown program would. */
    public static final class StandIn implements ResponseDefinitionTransformerV2 {
        static final String NAME = "readme-stand-in";
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final Pattern COUNTDOWN = Pattern.compile("\" op=\"halt\" \"\nn = (\\d+)\nif");
        private static final Pattern LAG_KEY = Pattern.compile("(?m)^KEY: (\\S+)\\s*VALUE:\\s*$");
        private final ReferenceProcessor reference = new ReferenceProcessor(PromptFiles.u152());

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            try {
                if (event.getRequest().getUrl().startsWith("/api/show")) { // lag-check asks for the model's context first
                    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"parameters\":\"\",\"model_info\":{\"llama.context_length\":4096}}").build();
                }
                JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
                boolean chat = event.getRequest().getUrl().startsWith("/api/chat");
                String prompt = chat ? request.path("messages").get(request.path("messages").size() - 1).path("content").asText()
                        : request.path("prompt").asText();
                Api api = chat ? Api.OLLAMA_CHAT : Api.OLLAMA_GENERATE;
                return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(api.body(request.path("model").asText(), answer(prompt), false)).build();
            } catch (Exception e) {
                return aResponse().withStatus(500).withBody("stand-in: " + e).build();
            }
        }

        private String answer(String prompt) throws Exception {
            Matcher key = LAG_KEY.matcher(prompt);
            if (key.find()) { // lag-check: the value the prompt's own dictionary gives
                Matcher rule = Pattern.compile("(?m)^" + Pattern.quote(key.group(1)) + ":(\\S+)$").matcher(prompt);
                return rule.find() ? rule.group(1) : "no such key";
            }
            Matcher countdown = COUNTDOWN.matcher(prompt);
            int last = -1;
            while (countdown.find()) last = Integer.parseInt(countdown.group(1)); // the prompt's own line comes last
            if (last >= 0) return last == 0 ? " \" op=\"halt\" \"" : " \" n-=1 op=\"%[A]\" \"";
            return reference.process(prompt).text();
        }
    }
}
