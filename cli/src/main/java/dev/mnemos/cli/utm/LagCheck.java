package dev.mnemos.cli.utm;

import dev.mnemos.cli.BackendOptions;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.FileOptions;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bench.Bench;
import dev.mnemos.utm.bench.Repair;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.Score;
import dev.mnemos.utm.lag.LagSystem;
import dev.mnemos.utm.lag.RuleFormat;
import dev.mnemos.utm.lag.check.ContextSize;
import dev.mnemos.utm.lag.check.Dictionary;
import dev.mnemos.utm.lag.check.LagReferenceProcessor;
import dev.mnemos.utm.lag.check.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code lag-check}: does a model apply every rule of a Lag system, given the whole dictionary in its prompt? */
@Command(name = "lag-check", addMethodSubcommands = false, mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Checks that a model looks up every rule of a Lag system correctly, as Schuurmans, Dai and "
                        + "Zanini (2024) checked gemini-1.5-pro-001 on their 2,027 rules: each rule's key is asked in its "
                        + "own call, the whole dictionary (KEY:VALUE lines, shuffled with --seed) in the prompt, and the "
                        + "answer must be the value exactly, after trimming (--lenient also accepts the value wrapped in "
                        + "prose, and counts those apart). Prints accuracy, rules passed, latency percentiles and tokens, "
                        + "and every failing rule; --json and --html write the full report.",
                "",
                "--repair adds each failing rule to the dictionary once more and checks every rule again, round "
                        + "after round, until all pass or the budget (--rounds, --max-calls) is spent, and writes the "
                        + "dictionary (the last, or the best round's) to --out.",
                "",
                "Without --model the backend is 'reference' (always right; no LLM needed). With Ollama, a "
                        + "dictionary too large for the context the server reports is refused before the first call.",
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

    @Mixin
    BenchOptions bench = new BenchOptions(1);

    @Option(names = "--lenient", description = "Also accept an answer that holds the value as a word of its own amid other text (reported apart).")
    boolean lenient;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the dictionary's shuffle. Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--no-shuffle", description = "Keep the rule file's order (a repaired dictionary's, say).")
    boolean noShuffle;

    @Option(names = "--out", paramLabel = "FILE", description = "Where --repair writes the dictionary (KEY:VALUE; needed with --repair).")
    Path out;

    public static void main(String[] args) {
        Cli.main(LagHelp.commandLine(new LagCheck()), args);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(LagHelp.commandLine(new LagCheck()), args, out, err);
    }

    @Override
    public Integer call() {
        BenchDriver<Rules> driver = new BenchDriver<>(spec, bench, Rules.FORMAT);
        if (noShuffle && spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
            throw new Cli.Failure(ExitCode.USAGE, "--seed and --no-shuffle exclude each other");
        }
        // before any model call: a report or dictionary that cannot be written is found now, not after the check
        driver.check("--out", "dictionary", out, FileOptions.of().input("--rules", input.rules));
        LagSystem system = input.read().system();
        Rules subject = Rules.of(Dictionary.of(system, noShuffle ? null : seed), lenient);
        String name = ModelOptions.backendName(backend);
        try (Processor processor = ModelOptions.processor(backend, name, ModelOptions.LAG_MAX_TOKENS, () -> new LagReferenceProcessor(system))) {
            Bench engine = new Bench(processor, bench.settings(), ModelOptions.info(backend, name, name.equals(LagReferenceProcessor.NAME)));
            driver.checkBudget(engine, subject, "check", "rules");
            checkContext(subject.dictionary(), name);
            return driver.run(engine, subject, out, rules -> RuleFormat.format(rules.dictionary().system(), rules.dictionary().lines()), WORDS);
        }
    }

    /** With Ollama: refuse, before any call, a prompt larger than the context the server reports. */
    private void checkContext(Dictionary dictionary, String backendName) {
        if (!backendName.equals("ollama")) return;
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

    /** lag-check's words for a repair. */
    private static final BenchDriver.Words<Rules> WORDS = new BenchDriver.Words<>() {
        @Override
        public String round(Repair.Round<Rules> r) {
            Report<Rules> c = r.report();
            return String.format(Locale.ROOT, "lag-check: round %d%s: %,d of %,d rules passed, %.1f%% of answers%s", r.round(),
                    r.added().isEmpty() ? "" : " (" + r.added().size() + " rules repeated, dictionary of " + c.subject().dictionary().lines().size() + " lines)",
                    c.passedCount(), c.scores().size(), 100 * c.accuracy(),
                    c.failing().isEmpty() ? "" : "; failing: " + String.join(" ", c.failing().stream().limit(20).map(Score::name).toList())
                            + (c.failing().size() > 20 ? " ..." : ""));
        }

        @Override
        public String repaired(Repair.Result<Rules> result, Path out) {
            return String.format(Locale.ROOT, "lag-check: repaired: every rule passed after %s (%,d calls); dictionary of %,d lines written to %s",
                    BenchDriver.rounds(result.best().round()), result.calls(), result.best().report().subject().dictionary().lines().size(), out);
        }

        @Override
        public String stopped(Repair.Result<Rules> result, Path out) {
            Repair.Round<Rules> best = result.best();
            return String.format(Locale.ROOT, "lag-check: repair stopped: %s; %,d of %,d rules still fail in the best round (%d); its dictionary is in %s",
                    result.stopped(), best.report().failing().size(), best.report().scores().size(), best.round(), out);
        }
    };
}
