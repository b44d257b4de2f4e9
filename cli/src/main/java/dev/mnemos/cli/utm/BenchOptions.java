package dev.mnemos.cli.utm;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.utm.bench.Bench;
import dev.mnemos.utm.bench.Repair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options of the commands that drive the bench engine (utm-bench, lag-check; a picocli mixin):
 * answers per question, calls at once, the reports, and the repair with its budget. A command
 * words the descriptions for its own questions through its resource bundle (keys {@code samples},
 * {@code repair}, {@code rounds}, {@code maxCalls}: {@link #descriptions}, or a properties file)
 * and sets the default of {@code --samples}.
 */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class BenchOptions {

    @Option(names = {"-n", "--samples"}, paramLabel = "N", descriptionKey = "samples", description = "Answers asked for per question. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--concurrency", paramLabel = "N", description = "Model calls in flight at most. Default: ${DEFAULT-VALUE}.")
    int concurrency = 4;

    @Option(names = "--json", arity = "0..1", fallbackValue = "-", paramLabel = "FILE",
            description = "Write the report as JSON to FILE, or to standard output when no FILE is given (the table then goes to standard error).")
    String json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as one self-contained HTML page.")
    Path html;

    @Option(names = "--repair", descriptionKey = "repair", description = "Repair what fails and ask again, until all pass or the budget is spent.")
    boolean repair;

    @Option(names = "--rounds", paramLabel = "N", descriptionKey = "rounds", description = "Repair rounds at most. Default: ${DEFAULT-VALUE}.")
    int rounds = 5;

    @Option(names = "--max-calls", paramLabel = "N", descriptionKey = "maxCalls",
            description = "Model calls at most over the whole repair; a round that would go past it is not started.")
    Long maxCalls;

    /**
     * The descriptions a command gives these options, in its words: {@code question} (prompt, rule)
     * for --samples, what --repair does, what each round does (or empty), and what a {@code round}
     * of calls is called for --max-calls.
     */
    static Object[][] descriptions(String question, String repair, String eachRound, String round) {
        return new Object[][] {
                {"samples", "Answers asked for per " + question + ". Default: ${DEFAULT-VALUE}."},
                {"repair", repair + ", until all pass or the budget is spent."},
                {"rounds", "Repair rounds at most" + eachRound + ". Default: ${DEFAULT-VALUE}."},
                {"maxCalls", "Model calls at most over the whole repair; a " + round + " that would go past it is not started."}};
    }

    /** @param samples the default of --samples */
    BenchOptions(int samples) {
        this.samples = samples;
    }

    /** The options' own rules: counts in range. */
    void check() {
        if (samples < 1) throw new Cli.Failure(ExitCode.USAGE, "--samples must be 1 or more, not " + samples);
        if (concurrency < 1) throw new Cli.Failure(ExitCode.USAGE, "--concurrency must be 1 or more, not " + concurrency);
        if (rounds < 0) throw new Cli.Failure(ExitCode.USAGE, "--rounds must be 0 or more, not " + rounds);
        if (maxCalls != null && maxCalls < 1) throw new Cli.Failure(ExitCode.USAGE, "--max-calls must be 1 or more, not " + maxCalls);
    }

    Bench.Settings settings() {
        return new Bench.Settings(samples, concurrency);
    }

    Repair.Budget budget() {
        return new Repair.Budget(rounds, maxCalls);
    }

    /** The JSON report's file, or null (none, or standard output). */
    Path jsonFile() {
        return json == null || json.equals("-") ? null : Path.of(json);
    }

    /** Whether the JSON report goes to standard output (and the table to standard error). */
    boolean jsonToStdout() {
        return "-".equals(json);
    }
}
