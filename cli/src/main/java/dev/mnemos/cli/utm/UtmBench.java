package dev.mnemos.cli.utm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.cli.BackendOptions;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.Signals;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.io.AtomicFiles;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.bench.Bench;
import dev.mnemos.utm.bench.BenchReport;
import dev.mnemos.utm.bench.Demonstrations;
import dev.mnemos.utm.bench.HtmlReport;
import dev.mnemos.utm.bench.Repair;
import dev.mnemos.utm.bench.ReportTable;
import dev.mnemos.utm.bench.Subject;
import dev.mnemos.utm.prompt.PromptCompiler;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.reference.ReferenceProcessor;
import dev.mnemos.utm.reference.ReferenceProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code utm-bench}: how well a model carries out each transition of U15,2 (or another machine), and a boot that repairs it. */
@Command(name = "utm-bench", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class, sortOptions = false,
        description = {
                "Measures how well a model carries out a Turing machine's transitions: each",
                "distinct transition prompt (29 for U15,2) is sent --samples times, and each",
                "answer is parsed and applied to a scratch memory as utm-run would, then compared",
                "with the reference machine's transition (the effect counts, not the spelling).",
                "Prints accuracy per prompt, latency percentiles and tokens; --json and --html",
                "write the report (the HTML page has a heat map of accuracy per state and symbol).",
                "",
                "--repair adds demonstrations of the failing transitions to the boot preamble and",
                "benches again, until every answer is right or the budget (--rounds, --max-calls)",
                "is spent, and writes the boot to --out-boot for utm-run --boot.",
                "",
                "--demonstrate-all appends a demonstration of every transition to the boot, so",
                "that each prompt's answer is in the prompt: it measures whether the model can",
                "find and copy it (retrieval), not whether it reads the condition.",
                "",
                "Without --model the backend is 'reference' (always right; no LLM needed).",
                "",
                "Exit codes: 0 every answer right (with --repair: after repair, boot written),",
                "2 usage, 3 bad input file, 4 server unreachable, 5 model not found, 6 model",
                "error, 10 repair budget spent (the best boot so far is written), 11 some",
                "answers wrong, 12 a report or boot file cannot be written, 13 the local engine cannot load, 130 interrupted (SIGINT), 143 terminated (SIGTERM).",
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

    @Option(names = {"-n", "--samples"}, paramLabel = "N", description = "Answers asked for per prompt. Default: ${DEFAULT-VALUE}.")
    int samples = 5;

    @Option(names = "--concurrency", paramLabel = "N", description = "Model calls in flight at most. Default: ${DEFAULT-VALUE}.")
    int concurrency = 4;

    @Option(names = "--json", arity = "0..1", fallbackValue = "-", paramLabel = "FILE",
            description = "Write the report as JSON to FILE, or to standard output when no FILE is given (the table then goes to standard error).")
    String json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as one self-contained HTML page.")
    Path html;

    @Option(names = "--repair", description = "Add demonstrations of failing transitions to the boot and bench again, until all pass or the budget is spent.")
    boolean repair;

    @Option(names = "--demonstrate-all", description = "Append a demonstration of every transition (its answer included) to the boot: a retrieval aid, not the model's own skill. With --out-boot, the boot is written there.")
    boolean demonstrateAll;

    @Option(names = "--out-boot", paramLabel = "FILE", description = "Where --repair writes the boot (needed with --repair); with --demonstrate-all, where its boot is written.")
    Path outBoot;

    @Option(names = "--rounds", paramLabel = "N", description = "Repair rounds at most (each adds demonstrations and benches again). Default: ${DEFAULT-VALUE}.")
    int rounds = 5;

    @Option(names = "--max-calls", paramLabel = "N", description = "Model calls at most over the whole repair; a bench that would go past it is not started.")
    Long maxCalls;

    /** The command line's writers, taken when the command runs. */
    private PrintWriter out;
    private PrintWriter err;

    public static void main(String[] args) {
        Cli.main(ModelOptions.commandLine(new UtmBench()), args);
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        UtmBench command = new UtmBench();
        return Cli.execute(ModelOptions.commandLine(command), args, out, err);
    }

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        checkOptions();
        PromptSet prompts = prompts();
        Bench.Settings settings = new Bench.Settings(samples, concurrency, modelOptions.parseMode());
        if (repair) checkBudget(prompts, settings);
        Thread benching = Thread.currentThread();
        try (Processor processor = modelOptions.processor(prompts);
             Signals.Registration onSignal = Signals.whileRunning(benching::interrupt)) {
            Subject subject = subject(processor);
            Progress progress = Progress.onTerminal(err);
            if (!repair) return bench(new Bench(prompts, processor, settings, subject), progress);
            Repair.Budget budget = new Repair.Budget(rounds, maxCalls);
            return repair(new Repair(prompts, processor, settings, subject, budget), progress);
        } catch (ModelException e) {
            throw new Cli.Failure(ExitCode.of(e), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cli.Failure(ExitCode.INTERRUPTED, "interrupted; no report written");
        }
    }

    private int bench(Bench bench, Progress progress) throws ModelException, InterruptedException {
        BenchReport report = bench.run(progress);
        progress.finish();
        writeReports(report, null);
        if (outBoot != null) write(outBoot, report.boot());
        return report.allPassed() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }

    private int repair(Repair repairRun, Progress progress) throws ModelException, InterruptedException {
        Repair.Result result = repairRun.run(progress);
        progress.finish();
        Repair.Round best = result.best();
        writeReports(best.report(), result);
        write(outBoot, best.report().boot());
        if (result.passed()) {
            err.printf("utm-bench: repaired: every answer right after %d repair round%s (%,d calls); boot written to %s%n",
                    best.round(), best.round() == 1 ? "" : "s", result.calls(), outBoot);
            return ExitCode.OK.code();
        }
        err.printf("utm-bench: repair stopped: %s; %d of %d prompts still fail in the best round (%d); its boot is in %s%n",
                result.stopped(), best.report().failing().size(), best.report().transitions().size(), best.round(), outBoot);
        return ExitCode.LIMIT.code();
    }

    private void checkOptions() {
        if (samples < 1) throw new Cli.Failure(ExitCode.USAGE, "--samples must be 1 or more, not " + samples);
        if (concurrency < 1) throw new Cli.Failure(ExitCode.USAGE, "--concurrency must be 1 or more, not " + concurrency);
        if (rounds < 0) throw new Cli.Failure(ExitCode.USAGE, "--rounds must be 0 or more, not " + rounds);
        if (maxCalls != null && maxCalls < 1) throw new Cli.Failure(ExitCode.USAGE, "--max-calls must be 1 or more, not " + maxCalls);
        if (repair && outBoot == null) throw new Cli.Failure(ExitCode.USAGE, "--repair needs --out-boot FILE (where the repaired boot goes)");
        if (!repair) {
            for (String o : demonstrateAll ? List.of("--rounds", "--max-calls") : List.of("--out-boot", "--rounds", "--max-calls")) {
                if (given(o)) throw new Cli.Failure(ExitCode.USAGE, o + " goes with --repair");
            }
        }
        // before any model call: a report that cannot be written is found now, not after the bench
        if (html != null) Cli.checkWritable(html);
        if (json != null && !json.equals("-")) Cli.checkWritable(Path.of(json));
        if (outBoot != null) Cli.checkWritable(outBoot);
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private void checkBudget(PromptSet prompts, Bench.Settings settings) {
        int perBench = Bench.calls(prompts, settings);
        if (maxCalls != null && maxCalls < perBench) {
            throw new Cli.Failure(ExitCode.USAGE, "--max-calls " + maxCalls + " is less than one bench: "
                    + prompts.transitions().size() + " prompts x " + samples + " samples = " + perBench + " calls");
        }
    }

    private PromptSet prompts() {
        PromptSet prompts = modelOptions.boot(machineFile == null ? PromptFiles.u152() : PromptCompiler.compile(InputOptions.readMachine(machineFile)));
        return demonstrateAll ? prompts.withBoot(Demonstrations.all(prompts)) : prompts;
    }

    private Subject subject(Processor processor) {
        if (processor instanceof ReferenceProcessor) return new Subject(ReferenceProvider.NAME, null, null, 0);
        BackendOptions backend = modelOptions.backend;
        return new Subject(modelOptions.backendName(), backend.model, backend.style.toLowerCase(Locale.ROOT), backend.temperature);
    }

    private void writeReports(BenchReport report, Repair.Result repairResult) {
        boolean jsonToStdout = "-".equals(json);
        String table = ReportTable.render(report);
        if (jsonToStdout) err.print(table); else out.print(table);
        if (json != null) {
            ObjectNode o = report.toJson();
            if (repairResult != null) o.set("repair", repairResult.toJson());
            if (jsonToStdout) out.println(o.toPrettyString());
            else write(Path.of(json), o.toPrettyString() + "\n");
        }
        if (html != null) write(html, HtmlReport.render(report, repairResult));
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** A progress line on standard error when it is a terminal: answers scored, wrong ones, the repair round. */
    static class Progress implements Repair.Listener {
        private final PrintWriter err;
        private final boolean shown;
        private long lastDraw;
        private int round = -1;
        private boolean drawn;

        Progress(PrintWriter err, boolean shown) {
            this.err = err;
            this.shown = shown;
        }

        static Progress onTerminal(PrintWriter err) {
            return new Progress(err, System.console() != null);
        }

        @Override
        public void round(int round, List<String> added) {
            this.round = round;
        }

        /** One line per repair round, on a terminal or not. */
        @Override
        public void benched(Repair.Round r) {
            finish();
            BenchReport b = r.report();
            err.printf(Locale.ROOT, "utm-bench: round %d%s: %d of %d prompts always right, %.1f%% of answers%s%n", r.round(),
                    r.added().isEmpty() ? "" : " (demonstrations of " + String.join(", ", r.added()) + ")",
                    b.passedCount(), b.transitions().size(), 100 * b.accuracy(),
                    b.failing().isEmpty() ? "" : "; failing: " + String.join(", ", b.failing().stream().map(t -> t.name()).toList()));
        }

        @Override
        public void answered(int done, int total, int wrong) {
            if (!shown) return;
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 250_000_000L) return;
            lastDraw = now;
            err.printf("\r%s%,d / %,d answers  %,d wrong   ", round > 0 ? "round " + round + ": " : "", done, total, wrong);
            err.flush();
            drawn = true;
        }

        void finish() {
            if (drawn) err.println();
            drawn = false;
        }
    }
}
