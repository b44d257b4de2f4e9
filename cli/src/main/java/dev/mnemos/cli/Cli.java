package dev.mnemos.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;

/** Common picocli set-up of mnemos's commands: one-line errors and our exit codes. */
public final class Cli {

    private Cli() {}

    public static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getCommandLine().getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof Failure f) {
                commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + f.getMessage());
                return f.exitCode().code();
            }
            if (ex instanceof java.io.UncheckedIOException io) {
                commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + io.getMessage());
                return ExitCode.IO_ERROR.code();
            }
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": internal error: " + ex);
            return ExitCode.INTERNAL.code();
        });
        return cl;
    }

    /** Runs a command, set up as {@link #commandLine}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** {@code value} if it is at least {@code min}; else a usage error naming the option. */
    public static long atLeast(String option, long value, long min) {
        if (value < min) throw new Failure(ExitCode.USAGE, option + " must be " + min + " or more, got " + value);
        return value;
    }

    /** An error to report in one line and exit with its code. */
    public static final class Failure extends RuntimeException {
        private final ExitCode exitCode;

        public Failure(ExitCode exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }

        public ExitCode exitCode() {
            return exitCode;
        }
    }
}
