package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.cli.BackendOptions;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.io.AtomicFiles;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.Processors;
import dev.mnemos.runtime.model.Style;
import dev.mnemos.utm.bench.Subject;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.RuleFormat;
import dev.mnemos.utm.lag.check.CheckHtml;
import dev.mnemos.utm.lag.check.CheckRepair;
import dev.mnemos.utm.lag.check.CheckReport;
import dev.mnemos.utm.lag.check.CheckTable;
import dev.mnemos.utm.lag.check.ContextSize;
import dev.mnemos.utm.lag.check.Dictionary;
import dev.mnemos.utm.lag.check.LagReferenceProcessor;
import dev.mnemos.utm.lag.check.RuleCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code lag-check}: does a model apply every rule of a Lag system, given the whole dictionary in its prompt? */
@Command(name = "lag-check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Checks that a model looks up every rule of a Lag system correctly, as",
                "Schuurmans, Dai and Zanini (2024) checked gemini-1.5-pro-001 on their 2,027",
                "rules: each rule's key is asked in its own call, the whole dictionary",
                "(KEY:VALUE lines, shuffled with --seed) in the prompt, and the answer must",
                "be the value exactly, after trimming (--lenient also accepts the value",
                "wrapped in prose, and counts those apart). Prints accuracy, rules passed,",
                "latency percentiles and tokens, and every failing rule; --json and --html",
                "write the full report.",
                "",
                "--repair adds each failing rule to the dictionary once more and checks every",
                "rule again, round after round, until all pass or the budget (--rounds,",
                "--max-calls) is spent, and writes the dictionary (the last, or the best",
                "round's) to --out.",
                "",
                "Without --model the backend is 'reference' (always right; no LLM needed).",
                "With Ollama, a dictionary too large for the context the server reports is",
                "refused before the first call.",
                "",
                "Exit codes: 0 every rule passed (with --repair: dictionary written), 2",
                "usage, 3 bad or too large rule file, 4 server unreachable, 5 model not",
                "found, 6 model error, 10 repair budget spent (the best dictionary is",
                "written), 11 some rules failed, 12 a file cannot be written, 13 the local engine cannot load, 130",
                "interrupted.",
                ""},
        footer = {"", "Examples:",
                "  lag-check --rules rules.txt",
                "  lag-check --rules rules.txt --model llama3.1 --concurrency 4 --html check.html --json check.json",
                "  lag-check --rules rules.txt --model llama3.1 --repair --out repaired.txt --rounds 3",
                "  lag-check --rules repaired.txt --model llama3.1 --no-shuffle"})
public final class LagCheck implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LagInput input;

    @Mixin
    BackendOptions backend;

    @Option(names = {"-n", "--samples"}, paramLabel = "N", description = "Answers asked for per rule. Default: ${DEFAULT-VALUE}.")
    int samples = 1;

    @Option(names = "--concurrency", paramLabel = "N", description = "Model calls in flight at most. Default: ${DEFAULT-VALUE}.")
    int concurrency = 4;

    @Option(names = "--lenient", description = "Also accept an answer that holds the value as a word of its own amid other text (reported apart).")
    boolean lenient;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the dictionary's shuffle. Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--no-shuffle", description = "Keep the rule file's order (a repaired dictionary's, say).")
    boolean noShuffle;

    @Option(names = "--json", arity = "0..1", fallbackValue = "-", paramLabel = "FILE",
            description = "Write the report as JSON to FILE, or to standard output (the table then goes to standard error).")
    String json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as one self-contained HTML page.")
    Path html;

    @Option(names = "--repair", description = "Repeat failing rules in the dictionary and check again, until all pass or the budget is spent.")
    boolean repair;

    @Option(names = "--out", paramLabel = "FILE", description = "Where --repair writes the dictionary (KEY:VALUE; needed with --repair).")
    Path out;

    @Option(names = "--rounds", paramLabel = "N", description = "Repair rounds at most. Default: ${DEFAULT-VALUE}.")
    int rounds = 5;

    @Option(names = "--max-calls", paramLabel = "N", description = "Model calls at most over the whole repair; a round that would go past it is not started.")
    Long maxCalls;

    public static void main(String[] args) {
        Cli.main(new LagCheck(), args);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(new LagCheck(), args, out, err);
    }

    @Override
    public Integer call() {
        checkOptions();
        LagSystem system = input.read().system();
        Dictionary dictionary = Dictionary.of(system, noShuffle ? null : seed);
        RuleCheck.Settings settings = new RuleCheck.Settings(samples, concurrency, lenient);
        long perCheck = RuleCheck.calls(system, settings);
        if (repair && maxCalls != null && maxCalls < perCheck) {
            throw new Cli.Failure(ExitCode.USAGE, "--max-calls " + maxCalls + " is less than one check: "
                    + system.ruleCount() + " rules x " + samples + " samples = " + perCheck + " calls");
        }
        try (Processor processor = processor(system)) {
            checkContext(dictionary);
            RuleCheck check = new RuleCheck(processor, settings, subject());
            Progress progress = new Progress(err(), System.console() != null);
            if (!repair) {
                CheckReport report = check.run(dictionary, progress);
                progress.finish();
                writeReports(report, null);
                return report.allPassed() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
            }
            return repair(new CheckRepair(check, new CheckRepair.Budget(rounds, maxCalls)).run(dictionary, perCheck, progress), progress);
        } catch (ModelException e) {
            throw new Cli.Failure(ExitCode.of(e), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cli.Failure(ExitCode.INTERRUPTED, "interrupted; no report written");
        }
    }

    private int repair(CheckRepair.Result result, Progress progress) {
        progress.finish();
        CheckRepair.Round best = result.best();
        writeReports(best.report(), result);
        write(out, RuleFormat.format(best.dictionary().system(), best.dictionary().lines()));
        if (result.passed()) {
            err().printf("lag-check: repaired: every rule passed after %d repair round%s (%,d calls); dictionary of %,d lines written to %s%n",
                    best.round(), best.round() == 1 ? "" : "s", result.calls(), best.dictionary().lines().size(), out);
            return ExitCode.OK.code();
        }
        err().printf("lag-check: repair stopped: %s; %d of %d rules still fail in the best round (%d); its dictionary is in %s%n",
                result.stopped(), best.report().failing().size(), best.report().rules().size(), best.round(), out);
        return ExitCode.LIMIT.code();
    }

    private void checkOptions() {
        if (samples < 1) throw new Cli.Failure(ExitCode.USAGE, "--samples must be 1 or more, not " + samples);
        if (concurrency < 1) throw new Cli.Failure(ExitCode.USAGE, "--concurrency must be 1 or more, not " + concurrency);
        if (rounds < 0) throw new Cli.Failure(ExitCode.USAGE, "--rounds must be 0 or more, not " + rounds);
        if (maxCalls != null && maxCalls < 1) throw new Cli.Failure(ExitCode.USAGE, "--max-calls must be 1 or more, not " + maxCalls);
        if (repair && out == null) throw new Cli.Failure(ExitCode.USAGE, "--repair needs --out FILE (where the repaired dictionary goes)");
        if (noShuffle && given("--seed")) throw new Cli.Failure(ExitCode.USAGE, "--seed and --no-shuffle exclude each other");
        if (!repair) {
            for (String o : List.of("--out", "--rounds", "--max-calls")) {
                if (given(o)) throw new Cli.Failure(ExitCode.USAGE, o + " goes with --repair");
            }
        }
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private String backendName() {
        if (backend.backend != null) return backend.backend;
        return backend.model == null ? LagReferenceProcessor.NAME : backend.backendName();
    }

    private Processor processor(LagSystem system) {
        String name = backendName();
        if (name.equals(LagReferenceProcessor.NAME)) return new LagReferenceProcessor(system);
        if (backend.model == null) throw new Cli.Failure(ExitCode.USAGE, "--backend " + name + " needs --model NAME");
        try {
            ProcessorConfig config = backend.toConfig();
            ProcessorConfig.Builder b = config.toBuilder();
            if (config.maxTokens() == null) b.maxTokens(32);
            if (config.stop().isEmpty() && config.style() == Style.COMPLETION) b.stop(List.of("\n"));
            return Processors.create(b.build());
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.USAGE, e.getMessage());
        }
    }

    /** With Ollama: refuse, before any call, a prompt larger than the context the server reports. */
    private void checkContext(Dictionary dictionary) {
        if (!backendName().equals("ollama")) return;
        String base = backend.baseUrl == null ? "http://localhost:11434" : backend.baseUrl;
        OptionalInt context = ContextSize.ollama(base, backend.model, java.time.Duration.ofSeconds(10));
        if (context.isEmpty()) return;
        int chars = dictionary.promptChars();
        int tokens = ContextSize.estimatedTokens(chars);
        if (tokens > context.getAsInt()) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, String.format(Locale.ROOT,
                    "%s: too large for %s: a prompt is about %,d tokens (%,d characters at %d per token) and the server reports a context of %,d tokens"
                            + " (/api/show); no call was made (use a model with a larger context, or raise its num_ctx)",
                    input.rules, backend.model, tokens, chars, ContextSize.CHARS_PER_TOKEN, context.getAsInt()));
        }
    }

    private Subject subject() {
        if (backendName().equals(LagReferenceProcessor.NAME)) return new Subject(LagReferenceProcessor.NAME, null, null, 0);
        return new Subject(backendName(), backend.model, backend.style.toLowerCase(Locale.ROOT), backend.temperature);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private void writeReports(CheckReport report, CheckRepair.Result repairResult) {
        boolean jsonToStdout = "-".equals(json);
        String table = CheckTable.render(report);
        (jsonToStdout ? err() : out()).print(table);
        (jsonToStdout ? err() : out()).flush();
        if (json != null) {
            ObjectNode o = report.toJson();
            if (repairResult != null) o.set("repair", repairResult.toJson());
            if (jsonToStdout) {
                out().println(o.toPrettyString());
                out().flush();
            } else {
                write(Path.of(json), o.toPrettyString() + "\n");
            }
        }
        if (html != null) write(html, CheckHtml.render(report, repairResult));
    }

    private static void write(Path file, String text) {
        Cli.writing(file, () -> AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A progress line on standard error when it is a terminal; one line per repair round in any case. */
    static final class Progress implements CheckRepair.Listener {
        private final PrintWriter err;
        private final boolean shown;
        private long lastDraw;
        private boolean drawn;

        Progress(PrintWriter err, boolean shown) {
            this.err = err;
            this.shown = shown;
        }

        @Override
        public void checked(CheckRepair.Round r) {
            finish();
            CheckReport c = r.report();
            err.printf(Locale.ROOT, "lag-check: round %d%s: %d of %d rules passed, %.1f%% of answers%s%n", r.round(),
                    r.added().isEmpty() ? "" : " (" + r.added().size() + " rules repeated, dictionary of " + r.dictionary().lines().size() + " lines)",
                    c.passedCount(), c.rules().size(), 100 * c.accuracy(),
                    c.failing().isEmpty() ? "" : "; failing: " + String.join(" ", c.failing().stream().limit(20).map(f -> f.key()).toList())
                            + (c.failing().size() > 20 ? " ..." : ""));
            err.flush();
        }

        @Override
        public void answered(int done, int total, int wrong) {
            if (!shown) return;
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 250_000_000L) return;
            lastDraw = now;
            err.printf("\r%,d / %,d answers  %,d wrong   ", done, total, wrong);
            err.flush();
            drawn = true;
        }

        void finish() {
            if (drawn) err.println();
            drawn = false;
        }
    }
}
