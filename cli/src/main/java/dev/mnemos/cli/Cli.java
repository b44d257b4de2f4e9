package dev.mnemos.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * What every mnemos command shares: one-line errors, one mapping from failures to exit codes
 * ({@link ExitCode#of(Throwable)}), output through the command line's own writers.
 */
public final class Cli {

    private Cli() {}

    /** The command line of {@code command}, set up as every mnemos command is. */
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
            ExitCode code = ExitCode.of(ex);
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + printable(message(ex, code)));
            return code.code();
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

    /** Runs a command as a program: exits the JVM with its code. */
    public static void main(Object command, String[] args) {
        System.exit(commandLine(command).execute(args));
    }

    /** The one line that reports {@code e}. */
    static String message(Throwable e, ExitCode code) {
        if (code == ExitCode.INTERNAL) return "internal error: " + e;
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() != null ? fs.getReason() : describe(fs);
            return fs.getFile() + ": " + reason;
        }
        if (e instanceof CharacterCodingException) return "not UTF-8 text (" + e.getClass().getSimpleName() + ")";
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String describe(FileSystemException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NotDirectoryException) return "not a directory";
        return e.getClass().getSimpleName();
    }

    /**
     * Text as it may safely reach a terminal on one line: control characters (escape sequences,
     * carriage returns, newlines, C1 codes) and the bidirectional overrides that reorder what is
     * shown become visible escapes (backslash, u, four hex digits; {@code \\n} for a newline); the
     * rest is kept. Model output and server messages pass through here before they are printed.
     */
    public static String printable(String text) {
        if (text == null) return null;
        StringBuilder b = null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean escape = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (!escape) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(text.length() + 16).append(text, 0, k);
            if (c == '\n') b.append("\\n");
            else if (c == '\t') b.append("\\t");
            else if (c == '\r') b.append("\\r");
            else b.append(String.format("\\u%04x", (int) c));
        }
        return b == null ? text : b.toString();
    }

    /** {@code value} if it is at least {@code min}; else a usage error naming the option. */
    public static long atLeast(String option, long value, long min) {
        if (value < min) throw new Failure(ExitCode.USAGE, option + " must be " + min + " or more, got " + value);
        return value;
    }

    /** A write of a file, which may fail. */
    @FunctionalInterface
    public interface Write {
        void run() throws IOException;
    }

    /** Runs {@code write}; its failure is exit code 12 naming {@code file}, not a bad input file. */
    public static void writing(Path file, Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new Failure(ExitCode.IO_ERROR, "cannot write " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        } catch (UncheckedIOException e) {
            throw new Failure(ExitCode.IO_ERROR, "cannot write " + file + " (" + e.getCause().getMessage() + ")");
        }
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
