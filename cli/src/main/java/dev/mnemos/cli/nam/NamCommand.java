package dev.mnemos.cli.nam;

import dev.mnemos.poem.data.DataException;
import dev.mnemos.cli.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/nam}: the studies and charts of the nam module. */
@Command(name = "nam", mixinStandardHelpOptions = true, version = "nam 0.1.0",
        description = {"Neural Attention Memory tools: the studies and charts of nam/README.md.",
            "Run from the repository root; outputs default to nam/docs/.", ""},
        subcommands = {CapacityCommand.class, PoemCompareCommand.class, ScalingChartCommand.class, CommandLine.HelpCommand.class})
public final class NamCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, with failures reported in one line ("nam: ..."): an output that cannot be
     * written with exit code 12, a missing or malformed input file with exit code 3, a bad value
     * with exit code 2, anything else (a bug) with exit code 70.
     */
    static CommandLine commandLine() {
        return new CommandLine(new NamCommand()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UncheckedIOException) {
                cmd.getErr().println("nam: " + e.getMessage());
                return ExitCode.IO_ERROR.code();
            }
            if (e instanceof DataException || e instanceof NoSuchFileException) {
                cmd.getErr().println("nam: " + e.getMessage());
                return ExitCode.BAD_INPUT.code();
            }
            if (e instanceof IllegalArgumentException || e instanceof java.io.IOException) {
                cmd.getErr().println("nam: " + e.getMessage());
                return 2;
            }
            cmd.getErr().println("nam: internal error: " + e);
            return ExitCode.INTERNAL.code();
        });
    }

    /** A write of an output file, which may fail. */
    @FunctionalInterface
    interface Write {
        void run() throws IOException;
    }

    /** Runs {@code write}; its failure is exit code 12 naming {@code file}. */
    static void writing(Path file, Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
