package dev.mnemos.cli.utm;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.FileOptions;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bench.Bench;
import dev.mnemos.utm.bench.Repair;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.Score;
import dev.mnemos.utm.bench.transitions.Demonstrations;
import dev.mnemos.utm.bench.transitions.Transitions;
import dev.mnemos.utm.prompt.PromptCompiler;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.ReferenceProcessor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code utm-bench}: how well a model carries out each transition of U15,2 (or another machine), and a boot that repairs it. */
@Command(name = "utm-bench", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {
                "Measures how well a model carries out a Turing machine's transitions: each distinct transition "
                        + "prompt (29 for U15,2) is sent --samples times, and each answer is parsed and applied to a "
                        + "scratch memory as utm-run would, then compared with the reference machine's transition (the "
                        + "effect counts, not the spelling). Prints accuracy per prompt, latency percentiles and tokens; "
                        + "--json and --html write the report (the HTML page has a heat map of accuracy per state and "
                        + "symbol).",
                "",
                "--repair adds demonstrations of the failing transitions to the boot preamble and benches again, "
                        + "until every answer is right or the budget (--rounds, --max-calls) is spent, and writes the boot "
                        + "to --out-boot for utm-run --boot.",
                "",
                "--demonstrate-all appends a demonstration of every transition to the boot, so that each prompt's "
                        + "answer is in the prompt: it measures whether the model can find and copy it (retrieval), not "
                        + "whether it reads the condition.",
                "",
                "Without --model the backend is 'reference' (always right; no LLM needed).",
                ""},
        footer = {"", "Examples:",
                "  utm-bench",
                "  utm-bench --model llama2 --samples 10 --temperature 0.7 --html bench.html",
                "  utm-bench --model llama2 --json bench.json --concurrency 8",
                "  utm-bench --model llama2 --repair --out-boot boot.llama2.txt --rounds 3",
                "  utm-run --model llama2 --boot boot.llama2.txt"})
public final class UtmBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--machine", paramLabel = "FILE", description = "A machine file (JSON). Default: U15,2, built in.")
    Path machineFile;

    @Mixin
    BenchOptions bench = new BenchOptions(5);

    @Option(names = "--demonstrate-all", description = "Append a demonstration of every transition (its answer included) to the boot: a retrieval aid, not the model's own skill. With --out-boot, the boot is written there.")
    boolean demonstrateAll;

    @Option(names = "--out-boot", paramLabel = "FILE", description = "Where --repair writes the boot (needed with --repair); with --demonstrate-all, where its boot is written.")
    Path outBoot;

    public static void main(String[] args) {
        Cli.main(commandLine(new UtmBench()), args);
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.execute(commandLine(new UtmBench()), args, out, err);
    }

    private static CommandLine commandLine(UtmBench command) {
        return ModelOptions.commandLine(command, BenchOptions.descriptions("prompt", "Add demonstrations of failing transitions to the boot and bench again",
                " (each adds demonstrations and benches again)", "bench"));
    }

    @Override
    public Integer call() {
        BenchDriver<Transitions> driver = new BenchDriver<>(spec, bench, Transitions.FORMAT);
        // before any model call: a report that cannot be written is found now, not after the bench
        driver.check("--out-boot", "boot", outBoot, FileOptions.of().input("--boot", modelOptions.bootFile).input("--machine", machineFile), demonstrateAll);
        PromptSet prompts = modelOptions.boot(machineFile == null ? PromptFiles.u152() : PromptCompiler.compile(InputOptions.readMachine(machineFile)));
        if (demonstrateAll) prompts = prompts.withBoot(Demonstrations.all(prompts));
        Transitions subject = Transitions.of(prompts, modelOptions.parseMode());
        try (Processor processor = modelOptions.processor(prompts)) {
            Bench engine = new Bench(processor, bench.settings(), modelOptions.info(processor instanceof ReferenceProcessor));
            driver.checkBudget(engine, subject, "bench", "prompts");
            return driver.run(engine, subject, outBoot, t -> t.prompts().boot(), WORDS);
        }
    }

    /** utm-bench's words for a repair. */
    private static final BenchDriver.Words<Transitions> WORDS = new BenchDriver.Words<>() {
        @Override
        public String round(Repair.Round<Transitions> r) {
            Report<Transitions> b = r.report();
            return String.format(Locale.ROOT, "utm-bench: round %d%s: %,d of %,d prompts always right, %.1f%% of answers%s", r.round(),
                    r.added().isEmpty() ? "" : " (demonstrations of " + String.join(", ", r.added()) + ")",
                    b.passedCount(), b.scores().size(), 100 * b.accuracy(),
                    b.failing().isEmpty() ? "" : "; failing: " + String.join(", ", b.failing().stream().map(Score::name).toList()));
        }

        @Override
        public String repaired(Repair.Result<Transitions> result, Path out) {
            return String.format(Locale.ROOT, "utm-bench: repaired: every answer right after %s (%,d calls); boot written to %s",
                    BenchDriver.rounds(result.best().round()), result.calls(), out);
        }

        @Override
        public String stopped(Repair.Result<Transitions> result, Path out) {
            Repair.Round<Transitions> best = result.best();
            return String.format(Locale.ROOT, "utm-bench: repair stopped: %s; %,d of %,d prompts still fail in the best round (%d); its boot is in %s",
                    result.stopped(), best.report().failing().size(), best.report().scores().size(), best.round(), out);
        }
    };
}
