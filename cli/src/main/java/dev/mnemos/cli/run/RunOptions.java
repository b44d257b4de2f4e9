package dev.mnemos.cli.run;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.runtime.cycle.RunLimits;
import dev.mnemos.runtime.cycle.Writer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The run options that {@code mnemos run} and {@code utm-run} share (a picocli mixin): the step and
 * time limits, cycle retries, the write bound, the trace and the JSON summary. Options whose default or meaning
 * differ between the commands ({@code --mode}, {@code --cache}, {@code --checkpoint},
 * {@code --resume}) stay with each command.
 */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class RunOptions {

    @Option(names = "--max-steps", paramLabel = "N", description = "Stop after N cycles.")
    public Long maxSteps;

    @Option(names = "--max-time", paramLabel = "SECONDS", description = "Stop after this much wall time.")
    public Double maxSeconds;

    @Option(names = "--cycle-retries", paramLabel = "N", description = "Ask again, up to N times, when an answer does not parse or apply (server errors and timeouts are retried by --retries). Default: ${DEFAULT-VALUE} (stop).")
    public int cycleRetries = 0;

    @Option(names = "--max-value", paramLabel = "CHARS", description = "Bound on the length of a value a write makes; a longer one fails the cycle (exit 9). Default: ${DEFAULT-VALUE}.")
    public int maxValue = Writer.DEFAULT_MAX_VALUE_LENGTH;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write a JSON Lines trace, one object per cycle, flushed each cycle.")
    public Path trace;

    @Option(names = "--trace-prompts", description = "Put each cycle's whole prompt in the trace (not only its hash).")
    public boolean tracePrompts;

    @Option(names = "--json", description = "Print the run's summary as one JSON object on standard output.")
    public boolean json;

    /**
     * Checks every option here at once (a usage error naming the first that is wrong), so that a
     * command calls it before it opens any file: a refused command line never truncates a trace.
     */
    public void check() {
        limits();
        writer();
        cycleRetries();
    }

    /** The limits --max-steps and --max-time give (none when neither is given); a usage error when one is negative. */
    public RunLimits limits() {
        RunLimits limits = RunLimits.NONE;
        if (maxSteps != null) limits = limits.withMaxSteps(Cli.atLeast("--max-steps", maxSteps, 0));
        if (maxSeconds != null) {
            if (!(maxSeconds >= 0)) throw new Cli.Failure(ExitCode.USAGE, "--max-time must be 0 or more, got " + (Double.isFinite(maxSeconds) ? java.math.BigDecimal.valueOf(maxSeconds).stripTrailingZeros().toPlainString() : String.valueOf(maxSeconds)));
            limits = limits.withMaxWall(Duration.ofMillis((long) (maxSeconds * 1000)));
        }
        return limits;
    }

    /** The Write stage with --max-value's bound; a usage error when it is below 1. */
    public Writer writer() {
        return new Writer((int) Cli.atLeast("--max-value", maxValue, 1));
    }

    /** --cycle-retries; a usage error when it is negative. */
    public int cycleRetries() {
        return (int) Cli.atLeast("--cycle-retries", cycleRetries, 0);
    }
}
