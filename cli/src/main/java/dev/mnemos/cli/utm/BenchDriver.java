package dev.mnemos.cli.utm;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.FileOptions;
import dev.mnemos.cli.ProgressLine;
import dev.mnemos.cli.Signals;
import dev.mnemos.io.AtomicFiles;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.utm.bench.Bench;
import dev.mnemos.utm.bench.Format;
import dev.mnemos.utm.bench.Repair;
import dev.mnemos.utm.bench.Report;
import dev.mnemos.utm.bench.Subject;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What utm-bench and lag-check do alike, for any kind of subject: check the options and every
 * output before the first call, bench or repair with the engine (Ctrl-C stops it, no report), show
 * progress, write the table, JSON and HTML reports and the repaired subject, and give the exit code.
 * The command says only what differs: its subject, its format, its words.
 */
final class BenchDriver<S extends Subject<S>> {

    /** A command's words for its repair: the round lines, and the line after a repair that passed or stopped. */
    interface Words<S extends Subject<S>> {
        /** One line per round, printed as the round ends ({@code round 1 (...): 24 of 24 rules passed, ...}). */
        String round(Repair.Round<S> round);

        /** After a repair that passed, the output file written. */
        String repaired(Repair.Result<S> result, Path out);

        /** After a repair that stopped on its budget, the output file written. */
        String stopped(Repair.Result<S> result, Path out);
    }

    private final CommandSpec spec;
    private final BenchOptions options;
    private final Format<S> format;
    private final PrintWriter out;
    private final PrintWriter err;

    BenchDriver(CommandSpec spec, BenchOptions options, Format<S> format) {
        this.spec = spec;
        this.options = options;
        this.format = format;
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
    }

    /**
     * Checks the options, the repair's output ({@code outOption}: where the repaired {@code repaired}
     * goes, needed with --repair, refused without) and every file, before anything is read or called.
     */
    void check(String outOption, String repaired, Path repairOut, FileOptions inputs) {
        check(outOption, repaired, repairOut, inputs, false);
    }

    /**
     * As {@link #check(String, String, Path, FileOptions)}; with {@code outWithoutRepair} the
     * output option is taken without --repair too, and {@link #run} then writes the benched subject there.
     */
    void check(String outOption, String repaired, Path repairOut, FileOptions inputs, boolean outWithoutRepair) {
        options.check();
        if (options.repair && repairOut == null) {
            throw new Cli.Failure(ExitCode.USAGE, "--repair needs " + outOption + " FILE (where the repaired " + repaired + " goes)");
        }
        if (!options.repair) {
            for (String o : outWithoutRepair ? List.of("--rounds", "--max-calls") : List.of(outOption, "--rounds", "--max-calls")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o)) throw new Cli.Failure(ExitCode.USAGE, o + " goes with --repair");
            }
        }
        inputs.output("--html", options.html).output("--json", options.jsonFile()).output(outOption, repairOut).check();
    }

    /** A usage error when --max-calls cannot pay for one round: {@code questions} (prompts, rules) times the samples. */
    void checkBudget(Bench bench, S subject, String round, String questions) {
        long perRound = bench.calls(subject);
        if (options.repair && options.maxCalls != null && options.maxCalls < perRound) {
            throw new Cli.Failure(ExitCode.USAGE, "--max-calls " + options.maxCalls + " is less than one " + round + ": "
                    + subject.size() + " " + questions + " x " + options.samples + " samples = " + perRound + " calls");
        }
    }

    /**
     * Benches {@code subject}, or repairs it and writes what {@code written} makes of the best
     * round's subject to {@code repairOut} (without a repair, of the benched subject, when
     * {@code repairOut} is given); returns the exit code.
     */
    int run(Bench bench, S subject, Path repairOut, Function<S, String> written, Words<S> words) {
        Thread benching = Thread.currentThread();
        Progress<S> progress = new Progress<>(err, ProgressLine.stderrIsTerminal(), words);
        try (Signals.Registration onSignal = Signals.whileRunning(benching::interrupt)) {
            if (!options.repair) {
                Report<S> report = bench.run(subject, progress);
                progress.finish();
                writeReports(report, null);
                if (repairOut != null) write(repairOut, written.apply(report.subject()));
                return report.allPassed() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
            }
            Repair.Result<S> result = new Repair(bench, options.budget()).run(subject, progress);
            progress.finish();
            writeReports(result.best().report(), result); // the best round's: the one whose boot or dictionary is written
            write(repairOut, written.apply(result.best().report().subject()));
            err.println(result.passed() ? words.repaired(result, repairOut) : words.stopped(result, repairOut));
            err.flush();
            return result.passed() ? ExitCode.OK.code() : ExitCode.LIMIT.code();
        } catch (ModelException e) {
            throw new Cli.Failure(ExitCode.of(e), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cli.Failure(ExitCode.INTERRUPTED, "interrupted; no report written");
        }
    }

    /** The table (standard output, or standard error when the JSON goes there), the JSON and the HTML. */
    private void writeReports(Report<S> report, Repair.Result<S> repair) {
        PrintWriter tableTo = options.jsonToStdout() ? err : out;
        tableTo.print(Cli.printableLines(format.table().apply(report)));
        tableTo.flush();
        if (options.jsonToStdout()) {
            out.println(format.json(report, repair).toPrettyString());
            out.flush();
        } else if (options.jsonFile() != null) {
            write(options.jsonFile(), format.json(report, repair).toPrettyString() + "\n");
        }
        if (options.html != null) write(options.html, format.html().apply(report, repair));
    }

    private static void write(Path file, String text) {
        Cli.writing(file, () -> AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code 1 repair round}, {@code 2 repair rounds}. */
    static String rounds(int n) {
        return n + " repair round" + (n == 1 ? "" : "s");
    }

    /** A progress line on standard error when it is a terminal: answers scored, wrong ones, the repair round; one line per repair round in any case. */
    static final class Progress<S extends Subject<S>> implements Repair.Listener<S> {
        private final PrintWriter err;
        private final boolean shown;
        private final Words<S> words;
        private long lastDraw;
        private int round;
        private boolean drawn;

        Progress(PrintWriter err, boolean shown, Words<S> words) {
            this.err = err;
            this.shown = shown;
            this.words = words;
        }

        @Override
        public void round(int round, List<String> added) {
            this.round = round;
        }

        @Override
        public void benched(Repair.Round<S> r) {
            finish();
            err.println(Cli.printable(words.round(r)));
            err.flush();
        }

        @Override
        public void answered(int done, int total, int wrong) {
            if (!shown) return;
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 250_000_000L) return;
            lastDraw = now;
            err.printf(Locale.ROOT, "\r%s%,d / %,d answers  %,d wrong   ", round > 0 ? "round " + round + ": " : "", done, total, wrong);
            err.flush();
            drawn = true;
        }

        void finish() {
            if (drawn) err.println();
            drawn = false;
        }
    }
}
