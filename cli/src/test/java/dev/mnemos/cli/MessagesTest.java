package dev.mnemos.cli;

import dev.mnemos.cli.nam.NamCommand;
import dev.mnemos.cli.poem.PoemCommand;
import dev.mnemos.cli.run.MnemosCommand;
import dev.mnemos.cli.utm.UtmBench;
import dev.mnemos.cli.utm.UtmRun;
import dev.mnemos.cli.utm.UtmVerify;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.memory.MemoryFile;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import dev.mnemos.runtime.model.ModelServerStubs.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/** What a new user reads: versions, help, suggestions and the one-line reports. */
class MessagesTest {

    static final Path PROGRAM = Path.of("..", "samples", "programs", "countdown.json");
    static final String MODEL = "llama2";

    @TempDir
    Path dir;

    @RegisterExtension
    final ModelServer server = new ModelServer();

    record Ran(int code, String out, String err) {
        String errOnOneLine() {
            return err.replaceAll("\\s+", " ");
        }
    }

    interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    static final Map<String, Command> COMMANDS = Map.of(
            "mnemos", (a, o, e) -> Cli.execute(new MnemosCommand(), a, o, e),
            "utm-run", UtmRun::run,
            "utm-verify", UtmVerify::run,
            "utm-bench", UtmBench::run,
            "poem", (a, o, e) -> Cli.execute(new PoemCommand(), a, o, e),
            "nam", (a, o, e) -> Cli.execute(new NamCommand(), a, o, e));

    static Ran run(String command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = COMMANDS.get(command).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandPrintsItsVersion() {
        for (String command : COMMANDS.keySet()) {
            Ran r = run(command, "--version");
            assertEquals(0, r.code, command);
            assertEquals(command + " 0.1.0", r.out.strip(), command + " --version");
        }
    }

    @Test
    void subcommandsAreListedWithWholeSentences() {
        for (Supplier<CommandLine> root : List.<Supplier<CommandLine>>of(() -> Cli.commandLine(new MnemosCommand()),
                () -> Cli.commandLine(new PoemCommand()), () -> Cli.commandLine(new NamCommand()))) {
            CommandLine cl = root.get();
            for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
                if (sub.getKey().equals("help")) continue;
                CommandLine.Model.UsageMessageSpec usage = sub.getValue().getCommandSpec().usageMessage();
                String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
                String listed = summary[0].strip();
                assertTrue(listed.endsWith("."), cl.getCommandName() + " --help lists " + sub.getKey() + " as: " + listed);
            }
        }
    }

    @Test
    void utmRunsHelpGivesTheBackendDefaultItUses() {
        for (String command : List.of("utm-run", "utm-bench")) {
            String help = run(command, "--help").out.replaceAll("\\s+", " ");
            assertTrue(help.contains("Default: reference without --model; with it, local when --model names a local model"), help);
            assertTrue(help.contains("or --model-file is given, else ollama."), help);
            assertFalse(help.contains("Default: ollama."), help);
        }
    }

    @Test
    void utmRunWithNoArgumentsRunsTheWorkedExample() {
        Ran r = run("utm-run", "--checkpoint", dir.resolve("c.json").toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("utm-run: halted after "), r.err);
    }

    @Test
    void aProgramWithNoOpIsRefusedBeforeAnyModelCallAndAnyTraceIsTouched() throws Exception {
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, MODEL, " \" op=\"halt\" \"", false);
        Path file = Files.writeString(dir.resolve("no-op.json"), "{\"blank\": \"0\", \"memory\": {\"n\": 3}}");
        Path trace = Files.writeString(dir.resolve("run.jsonl"), "{\"step\":0}\n");
        Ran r = run("mnemos", "run", file.toString(), "--model", MODEL, "--base-url", server.baseUrl(), "--trace", trace.toString());
        assertEquals(3, r.code, r.err);
        assertTrue(r.err.startsWith("mnemos run: " + file + ": the program has no \"op\" value"), r.err);
        assertEquals(0, server.getAllServeEvents().size());
        Ran typo = run("mnemos", "run", dir.resolve("no-such.json").toString(), "--model", MODEL, "--base-url", server.baseUrl(),
                "--trace", trace.toString());
        assertEquals(3, typo.code, typo.err);
        assertEquals("{\"step\":0}\n", Files.readString(trace), "a typo in PROGRAM leaves the trace alone");
    }

    @Test
    void aMisspeltOptionGetsASuggestion() {
        Ran r = run("utm-run", "--max-step", "5");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("Did you mean --max-steps?"), r.err);
        Ran far = run("utm-run", "--colour");
        assertFalse(far.err.contains("Did you mean"), "nothing is near --colour: " + far.err);
    }

    @Test
    void oneModelCallIsOneModelCall() throws Exception {
        Memory program = MemoryFile.load(PROGRAM);
        program.put("n", 0);
        Path file = dir.resolve("zero.json");
        MemoryFile.save(program, file);
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, MODEL, " \" op=\"halt\" \"", false);
        Ran r = run("mnemos", "run", file.toString(), "--model", MODEL, "--base-url", server.baseUrl());
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("halted after 1 cycle (1 model call, 0 cache hits, "), r.err);
    }

    @Test
    void aStrictModeParseFailureSuggestsLenientMode() {
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, MODEL, "Sure! Here is the next instruction:\n \" op=\"halt\" \"", false);
        Ran r = run("mnemos", "run", PROGRAM.toString(), "--model", MODEL, "--base-url", server.baseUrl());
        assertEquals(7, r.code, r.err);
        assertTrue(r.errOnOneLine().contains("--mode lenient"), r.err);
        Ran utm = run("utm-run", "--model", MODEL, "--base-url", server.baseUrl(), "--checkpoint", dir.resolve("c.json").toString());
        assertEquals(7, utm.code, utm.err);
        assertTrue(utm.errOnOneLine().contains("--mode lenient"), utm.err);
    }

    @Test
    void aRunThatFailsAtItsFirstCycleDoesNotOfferAResumeFromNothing() {
        ModelServerStubs.answer(server, Api.OLLAMA_GENERATE, MODEL, "no instruction here", false);
        Path checkpoint = dir.resolve("c.json");
        Ran r = run("utm-run", "--model", MODEL, "--base-url", server.baseUrl(), "--checkpoint", checkpoint.toString());
        assertEquals(7, r.code, r.err);
        assertTrue(!r.err.contains("--resume") || Files.exists(checkpoint), "offers --resume of a checkpoint that is not there: " + r.err);
    }

    @Test
    void aChatStyleRunPrintsNoSlf4jWarnings() throws Exception {
        ModelServerStubs.answer(server, Api.OLLAMA_CHAT, MODEL, " \" op=\"halt\" \"", false);
        Memory program = MemoryFile.load(PROGRAM);
        program.put("n", 0);
        Path file = dir.resolve("zero.json");
        MemoryFile.save(program, file);
        List<String> cmd = JavaProcess.command(MnemosCommand.class,
                List.of("run", file.toString(), "--model", MODEL, "--base-url", server.baseUrl(), "--style", "chat"));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(0, p.exitValue(), err);
        assertFalse(err.contains("SLF4J"), err);
    }
}
