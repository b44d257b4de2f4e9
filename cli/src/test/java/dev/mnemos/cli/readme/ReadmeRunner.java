package dev.mnemos.cli.readme;

import dev.mnemos.runtime.model.Processors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.mnemos.cli.readme.Readme.Example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * file one command writes is there for the next), each through its launcher's {@code main} (read
 * from {@code bin/NAME}) in a {@link CommandHost}: one JVM per README started in that directory,
 * with the launchers' JVM options, the test class path, and {@code System.exit} taken as the exit code. The scratch
 * directory holds {@code samples/} (a link to the repository's) and a copy of every other
 * repository file a command names; a directory a command names that exists in the repository is
 * made there too.
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
    private final Process host;
    private final PrintStream requests;
    private final BufferedReader answers;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "readme-host-reader");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> notRun = new LinkedHashMap<>();
    private int ran, outputsChecked;

    ReadmeRunner(Path dir) throws IOException {
        this.dir = dir;
        server = new WireMockServer(options().dynamicPort().extensions(new StandIn()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(StandIn.NAME)));
        Files.createSymbolicLink(dir.resolve("samples"), ROOT.resolve("samples"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        host = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-Djava.security.manager=allow", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CommandHost.class.getName())
                .directory(dir.toFile()).redirectError(dir.resolve(".host-err.txt").toFile()).start();
        requests = new PrintStream(host.getOutputStream(), true, StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws Exception {
        requests.close();
        if (!host.waitFor(10, TimeUnit.SECONDS)) host.destroyForcibly();
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
        Result r = start(mainClass(words), args, stdout);
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
        Result r = start(mainClass(words), args, null);
        assertEquals(step.exit(), r.exit(), step.command() + "\n" + r.output());
        return r;
    }

    Path dir() {
        return dir;
    }

    private static int launcherWords(List<String> words) {
        return words.get(0).equals("bin/_launch") ? 3 : 1;
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

    /** The main class of a launcher, from bin/NAME itself (the JVM options it adds are the host's). */
    private static String mainClass(List<String> words) throws IOException {
        if (words.get(0).equals("bin/_launch")) return words.get(2);
        Path launcher = ROOT.resolve(words.get(0));
        assertTrue(Files.isRegularFile(launcher), "no launcher " + words.get(0));
        String text = Files.readString(launcher);
        Matcher m = Pattern.compile("_launch\" (?:--quick )?cli (\\S+) ").matcher(text);
        assertTrue(m.find(), words.get(0) + " does not call _launch cli CLASS");
        Matcher opts = Pattern.compile("MNEMOS_JAVA_OPTS=\"([^$\"]*)").matcher(text);
        if (opts.find()) assertEquals("--add-modules jdk.incubator.vector", opts.group(1).strip(), "the host JVM's options");
        return m.group(1);
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

    private Result start(String main, List<String> args, Path stdout) throws Exception {
        List<String> request = new ArrayList<>(List.of(main, stdout == null ? "" : stdout.toString()));
        request.addAll(args);
        long t0 = System.nanoTime();
        requests.println(String.join("\0", request));
        String answer = reader.submit(answers::readLine).get(180, TimeUnit.SECONDS);
        assertNotNull(answer, "the command host ended: " + Files.readString(dir.resolve(".host-err.txt")));
        System.out.printf("%5.1f s  %s %s%n", (System.nanoTime() - t0) / 1e9, main, String.join(" ", args));
        return new Result(Integer.parseInt(answer.substring("exit ".length())), Files.readString(dir.resolve(".out.txt")));
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
