package dev.mnemos.cli.readme;

import dev.mnemos.runtime.model.Processors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mnemos.cli.readme.Readme.Example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Runs a README's commands as a user would, one after the other in one scratch directory (so a
 * file one command writes is there for the next), each through its launcher: {@code bin/NAME} or
 * {@code bin/_launch MODULE MAIN}, the real scripts, each command a process of its own, in a
 * {@link BuiltCheckout} of the classes this build made (the launcher finds its module built and
 * execs java with its own options). The scratch directory holds {@code samples/} (a link to the
 * repository's) and a copy of every other repository file a command names; a directory a command
 * names that exists in the repository is made there too.
 *
 * <p>What is changed, and only this: a command that names a server's model (a local one, such as
 * {@code smollm2-135m}, runs for real in-process and is left as it is) gets {@code --base-url} of the
 * {@link StandIn} (in place of the one shown; with {@code /v1} for {@code --backend openai}), and
 * {@code utm-run} with a model gets a prompt cache when it has none (the same run, with one call
 * per distinct prompt instead of one per cycle).
 *
 * <p>What is checked: the exit code (0 unless the test says otherwise); the output shown, when the
 * README shows one, after {@link #normalise}; every file named by an output option exists and is
 * not empty, and parses when it is JSON; and what a test adds to a command in its {@link Plan}.
 */
final class ReadmeRunner implements AutoCloseable {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> OUTPUT_OPTIONS = List.of("--html", "--json", "--out", "--trace", "--csv", "--svg",
            "--memory", "--out-boot", "--cache");
    private static final Pattern DURATION = Pattern.compile("(?<![\\w.,])\\d[\\d,]*(\\.\\d+)? ?(ms|s)\\b");

    private final Path dir;
    private final WireMockServer server;
    private final BuiltCheckout checkout;
    private final Map<String, String> notRun = new LinkedHashMap<>();
    private int ran, outputsChecked;

    ReadmeRunner(Path dir) throws IOException {
        this.dir = dir;
        server = new WireMockServer(options().dynamicPort().extensions(new StandIn()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(StandIn.NAME)));
        Files.createSymbolicLink(dir.resolve("samples"), ROOT.resolve("samples"));
        checkout = new BuiltCheckout(dir, ROOT);
        checkout.module("cli");
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The process's exit code and what it printed (standard output and error, interleaved as written). */
    record Result(int exit, String output) {}

    /**
     * What a README's test adds to its commands: the commands not run here, each with its reason
     * (keyed by how the command starts; a key that matches no command is an error); the exit code a
     * command (as written) ends with when it is not 0; commands run before one of the README's (to make the state
     * it follows, e.g. an interrupted run) and after it (the check its comment names), each key a
     * command's start and each value a command with its expected exit code.
     */
    record Plan(Map<String, String> notRun, Map<String, Integer> exits, Map<String, Step> before, Map<String, Step> after) {
        static Plan of() {
            return new Plan(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        Plan notRun(String command, String because) {
            notRun.put(command, because);
            return this;
        }

        Plan exit(String command, int code) {
            exits.put(command, code);
            return this;
        }

        Plan before(String command, String setup, int exit) {
            before.put(command, new Step(setup, exit));
            return this;
        }

        Plan after(String command, String check, int exit) {
            after.put(command, new Step(check, exit));
            return this;
        }
    }

    record Step(String command, int exit) {}

    /** Runs every command of {@code readme} in order as {@code plan} says. */
    void runAll(Readme readme, Plan plan) throws Exception {
        Map<String, Boolean> used = new LinkedHashMap<>();
        for (Map<String, ?> keys : List.of(plan.notRun(), plan.exits(), plan.before(), plan.after())) keys.keySet().forEach(k -> used.put(k, false));
        for (Example e : readme.examples()) {
            String skip = startOf(e, plan.notRun(), used);
            if (skip != null) {
                notRun.put(e.command(), plan.notRun().get(skip));
                continue;
            }
            String before = startOf(e, plan.before(), used), after = startOf(e, plan.after(), used);
            String exit = plan.exits().containsKey(e.command()) ? e.command() : null;
            if (exit != null) used.put(exit, true);
            if (before != null) setup(plan.before().get(before));
            run(readme.name(), e, exit == null ? 0 : plan.exits().get(exit));
            if (after != null) setup(plan.after().get(after));
        }
        used.forEach((k, u) -> assertTrue(u, readme.name() + ": no command starts with '" + k + "' (the test's plan is stale)"));
        assertFalse(readme.examples().isEmpty() && ran == 0, readme.name() + ": nothing ran");
        System.out.printf("%s: %d commands, %d run, %d outputs checked; not run: %s%n",
                readme.name(), readme.examples().size(), ran, outputsChecked, notRun);
    }

    private static String startOf(Example e, Map<String, ?> keys, Map<String, Boolean> used) {
        String key = keys.keySet().stream().filter(e.command()::startsWith).findFirst().orElse(null);
        if (key != null) used.put(key, true);
        return key;
    }

    int ran() {
        return ran;
    }

    int outputsChecked() {
        return outputsChecked;
    }

    Result run(String readme, Example e, int exit) throws Exception {
        List<String> words = new ArrayList<>(e.words());
        Path stdout = null;
        int redirect = words.indexOf(">");
        if (redirect >= 0) {
            stdout = dir.resolve(words.get(redirect + 1));
            words = new ArrayList<>(words.subList(0, redirect));
        }
        List<String> args = withStandIn(words.get(0), words.subList(launcherWords(words), words.size()));
        mirrorInputs(args);
        Result r = start(launcher(words), args, stdout);
        String where = readme + " " + e;
        assertEquals(exit, r.exit(), where + "\n" + r.output());
        ran++;
        if (e.output() != null) {
            assertOutput(where, e.output(), r.output());
            outputsChecked++;
        }
        for (String option : OUTPUT_OPTIONS) {
            int i = args.indexOf(option);
            if (i >= 0 && i + 1 < args.size() && !args.get(i + 1).startsWith("-")) assertWritten(where, dir.resolve(args.get(i + 1)));
        }
        if (stdout != null) assertWritten(where, stdout);
        return r;
    }

    /** Runs a command that is not in the README (a step a README command needs, or a check of it). */
    Result setup(Step step) throws Exception {
        List<String> words = ShellWords.split(step.command());
        List<String> args = withStandIn(words.get(0), words.subList(launcherWords(words), words.size()));
        mirrorInputs(args);
        Result r = start(launcher(words), args, null);
        assertEquals(step.exit(), r.exit(), step.command() + "\n" + r.output());
        return r;
    }

    Path dir() {
        return dir;
    }

    /** How many words the launcher takes: {@code bin/NAME}, or {@code bin/_launch [--quick] MODULE MAIN}. */
    private static int launcherWords(List<String> words) {
        if (!words.get(0).equals("bin/_launch")) return 1;
        return words.get(1).equals("--quick") ? 4 : 3;
    }

    private List<String> withStandIn(String launcher, List<String> given) {
        List<String> args = new ArrayList<>(given);
        if (!args.contains("--model") || launcher.equals("bin/nam")) return args; // nam's --model is the network it trains
        if (!args.contains("--backend") && Processors.backendFor(args.get(args.indexOf("--model") + 1), "ollama").equals("local")) {
            return args; // a local model (smollm2-135m) runs for real, in-process: no stand-in, no cache added
        }
        int base = args.indexOf("--base-url");
        if (base >= 0) args.subList(base, base + 2).clear();
        boolean openai = args.contains("--backend") && args.get(args.indexOf("--backend") + 1).equals("openai");
        args.addAll(List.of("--base-url", server.baseUrl() + (openai ? "/v1" : "")));
        if (launcher.equals("bin/utm-run") && !args.contains("--cache")) args.addAll(List.of("--cache", "stand-in.cache"));
        return args;
    }

    /**
     * The launcher and its own words: {@code bin/NAME}, or {@code bin/_launch MODULE MAIN} (the
     * module laid out as built first). The launcher must be one of the repository's.
     */
    private List<String> launcher(List<String> words) throws IOException {
        assertTrue(Files.isRegularFile(ROOT.resolve(words.get(0))), "no launcher " + words.get(0));
        if (words.get(0).equals("bin/_launch")) checkout.module(words.get(launcherWords(words) - 2));
        List<String> launcher = new ArrayList<>(words.subList(0, launcherWords(words)));
        launcher.set(0, dir.resolve(words.get(0)).toString());
        return launcher;
    }

    /** Copies the repository files the arguments name (but samples/) and makes the directories they name or write into. */
    private void mirrorInputs(List<String> args) throws IOException {
        for (String arg : args) {
            if (arg.isEmpty() || arg.startsWith("-") || arg.contains("://") || arg.startsWith("samples/") || arg.startsWith("/")) continue;
            Path inRepo = ROOT.resolve(arg).normalize(), here = dir.resolve(arg).normalize();
            if (!inRepo.startsWith(ROOT) || !here.startsWith(dir)) continue;
            if (Files.isRegularFile(inRepo) && !Files.exists(here)) {
                Files.createDirectories(here.getParent());
                Files.copy(inRepo, here);
            } else if (Files.isDirectory(inRepo)) {
                Files.createDirectories(here);
            } else if (inRepo.getParent() != null && Files.isDirectory(inRepo.getParent())) {
                Files.createDirectories(here.getParent());
            }
        }
    }

    /**
     * Runs the launcher with {@code args} in the scratch directory, as a shell would: standard
     * output and error together (as a terminal shows them), or standard output into {@code stdout}
     * (a {@code >} redirection) and standard error alone. The java the launcher finds first on the
     * PATH is this build's.
     */
    private Result start(List<String> launcher, List<String> args, Path stdout) throws Exception {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        pb.environment().remove("MNEMOS_JAVA_OPTS");
        Path out = dir.resolve(".out.txt");
        if (stdout == null) pb.redirectErrorStream(true).redirectOutput(out.toFile());
        else pb.redirectOutput(stdout.toFile()).redirectError(out.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 180 s: " + String.join(" ", command));
        }
        System.out.printf("%5.1f s  %s%n", (System.nanoTime() - t0) / 1e9, String.join(" ", command));
        return new Result(p.exitValue(), Files.readString(out));
    }

    /**
     * The output as the README shows it, after the documented normalisation (both sides): every duration (a number followed by {@code s} or
     * {@code ms}) becomes {@code <time>}, trailing blanks are dropped; a README line {@code ...}
     * stands for any number of lines.
     */
    static void assertOutput(String where, List<String> shown, String printed) {
        StringBuilder pattern = new StringBuilder();
        for (String line : shown) {
            pattern.append(line.strip().equals("...") ? "(?:[^\\n]*\\n)*?" : Pattern.quote(normalise(line)) + "\\n");
        }
        String actual = printed.isEmpty() ? "" : normalise(printed) + "\n";
        String expected = String.join("\n", shown.stream().map(ReadmeRunner::normalise).toList()) + "\n";
        if (!Pattern.compile(pattern.toString()).matcher(actual).matches()) {
            assertEquals(expected, actual, where + ": the output differs from the README's");
        }
    }

    static String normalise(String text) {
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (String line : lines) out.add(DURATION.matcher(line).replaceAll("<time>").stripTrailing());
        String joined = String.join("\n", out);
        return joined.endsWith("\n") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static void assertWritten(String where, Path file) throws IOException {
        assertTrue(Files.isRegularFile(file) && Files.size(file) > 0, where + ": wrote no " + file.getFileName());
        if (file.toString().endsWith(".json")) new ObjectMapper().readTree(file.toFile());
    }
}
