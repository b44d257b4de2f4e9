package dev.mnemos.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnemos.cli.BackendOptions;
import dev.mnemos.cli.utm.UtmRun;
import dev.mnemos.llama.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** utm-run on the local backend: how a model name finds it, and each failure's one line and exit code. */
class LocalBackendCliTest {

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {}

    static Outcome utmRun(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = UtmRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The one line utm-run printed on standard error, asserted to be one line. */
    static String oneLine(Outcome o) {
        assertEquals(1, o.err().lines().count(), o.err());
        return o.err().strip();
    }

    static String backendOf(String... args) {
        BackendOptions options = new BackendOptions();
        new CommandLine(options).parseArgs(args);
        return options.backendName();
    }

    @Test
    void aLocalModelNamePicksTheLocalBackendAndAnyOtherStaysWithOllama() {
        assertEquals("local", backendOf("--model", "smollm2-135m"));
        assertEquals("local", backendOf("--model", "gemma3-270m"));
        assertEquals("local", backendOf("--model", "models/any.gguf"));
        assertEquals("local", backendOf("--model-file", "x.bin"));
        assertEquals("ollama", backendOf("--model", "llama2"));
        assertEquals("ollama", backendOf("--model", "qwen2.5:7b"));
        assertEquals("ollama", backendOf("--model", "smollm2-135m", "--backend", "ollama"));
        assertEquals("openai", backendOf("--model", "m", "--backend", "openai"));
    }

    @Test
    void aMissingModelFileIsExit5() {
        Path file = dir.resolve("absent.gguf");
        Outcome o = utmRun("--model-file", file.toString());
        assertEquals(5, o.code(), o.err());
        assertEquals("utm-run: " + file + ": no such model file", oneLine(o));
    }

    @Test
    void aFileThatIsNotGgufIsExit3() throws Exception {
        Path file = Files.writeString(dir.resolve("model.bin"), "PK\u0003\u0004 a zip, not a model");
        Outcome o = utmRun("--model-file", file.toString());
        assertEquals(3, o.code(), o.err());
        assertEquals("utm-run: " + file + ": not a GGUF file (llama.cpp runs GGUF files only; they start with the bytes GGUF)", oneLine(o));
    }

    @Test
    void anArchitectureTheEngineDoesNotKnowIsExit3() throws Exception {
        Path file = Files.write(dir.resolve("future.gguf"), TestModels.ggufHeader("llama9"));
        Outcome o = utmRun("--model-file", file.toString());
        assertEquals(3, o.code(), o.err());
        assertTrue(oneLine(o).startsWith("utm-run: " + file + ": architecture 'llama9' is not one that llama.cpp b4916 (de.kherud:llama 4.2.0) runs (it runs llama, "), o.err());
    }

    @Test
    void aGrammarThatDoesNotParseIsExit3() throws Exception {
        Path grammar = Files.writeString(dir.resolve("op.gbnf"), "root ::= \"op=\" name\n");
        Outcome o = utmRun("--model-file", TestModels.smollm2().toString(), "--grammar", grammar.toString());
        assertEquals(3, o.code(), o.err());
        assertEquals("utm-run: " + grammar + ":1: rule 'name' is used but not defined (GBNF, llama.cpp's grammar format)", oneLine(o));
    }

    @Test
    void aPromptLongerThanTheContextIsExit6AndLeavesACheckpoint() {
        Path checkpoint = dir.resolve("c.json");
        Outcome o = utmRun("--model-file", TestModels.smollm2().toString(), "--threads", "2", "--context", "128",
                "--checkpoint", checkpoint.toString());
        assertEquals(6, o.code(), o.err());
        assertTrue(o.err().matches("(?s)utm-run: failed after 0 cycles: the prompt is 3\\d\\d tokens and the context of model .* holds 128; raise the context \\(--context\\) or shorten the prompt.*"), o.err());
        assertTrue(Files.exists(checkpoint));
    }

    @Test
    void aPromptRefusedForTheContextIsNoModelCall() throws Exception {
        Outcome o = utmRun("--model-file", TestModels.smollm2().toString(), "--threads", "2", "--context", "128", "--json",
                "--checkpoint", dir.resolve("c.json").toString());
        assertEquals(6, o.code(), o.err());
        assertTrue(o.err().contains("(0 cycles, 0 model calls, 0 cache hits, "), o.err());
        JsonNode summary = new ObjectMapper().readTree(o.out());
        assertEquals(0, summary.get("modelCalls").asInt(), o.out());
    }

    @Test
    void lagRunTooCountsNoModelCallForAPromptRefusedForTheContext() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = dev.mnemos.cli.utm.LagRunCommand.run(new String[] {"--bitag", Path.of("..", "samples", "bitag", "spec-example.json").toString(), "--model-file", TestModels.smollm2().toString(), "--threads", "2",
                "--context", "16", "--json", "--checkpoint", dir.resolve("c.json").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(6, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("holds 16; raise the context"), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("modelCalls").asInt(), out.toString(StandardCharsets.UTF_8));
    }

    /** Runs utm-run in a JVM of its own (the native library loads once per process). */
    Outcome child(List<String> jvm, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), UtmRun.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the child ended");
        return new Outcome(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void aNativeLibraryThatCannotLoadIsExit13() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("native"));
        Files.writeString(lib.resolve(System.mapLibraryName("jllama")), "not a shared object");
        Outcome o = child(List.of("-Dmnemos.llama.native=" + lib), "--model-file", TestModels.smollm2().toString());
        assertEquals(13, o.code(), o.err());
        assertEquals("", o.out());
        List<String> lines = o.err().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("utm-run: the local backend cannot load llama.cpp on Linux/x86_64: " + lib), o.err());
        assertTrue(last.endsWith("; use --backend ollama or openai with a server instead"), o.err());
        // before it, at most the JVM's own warning about the file it was given (stack guard), never a trace
        assertTrue(lines.subList(0, lines.size() - 1).stream().allMatch(l -> l.contains("VM warning") || l.contains("execstack")), o.err());
    }

    @Test
    void stdoutHoldsOnlyTheJsonWhenARealModelRuns() throws Exception {
        Outcome o = child(List.of(), "--model", TestModels.smollm2().toString(), "--threads", "2", "--max-steps", "1", "--json",
                "--continue-on-mismatch");
        assertTrue(o.code() == 10, o.code() + " " + o.err());
        JsonNode summary = new ObjectMapper().readTree(o.out());
        assertEquals(1, summary.get("steps").asInt(), o.out());
        assertTrue(!o.err().contains("llama") || o.err().contains("utm-run:"), "llama.cpp's logs stay off: " + o.err());
    }
}
