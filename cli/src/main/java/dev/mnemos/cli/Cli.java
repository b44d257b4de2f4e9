package dev.mnemos.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * What every mnemos command shares: one-line errors, one mapping from failures to exit codes
 * ({@link ExitCode#of(Throwable)}), output through the command line's own writers.
 */
public final class Cli {

    private Cli() {}

    /**
     * The command line of {@code command}, set up as every mnemos command is. (Its model is built
     * at every start, so every command and mixin class says {@code @Command(addMethodSubcommands =
     * false)}: none has method subcommands, and picocli otherwise reads every method's annotations
     * looking for them, about a seventh of its start-up; {@code StartupWorkTest} holds new ones to it.)
     */
    public static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setDefaultValueProvider(Cli::enumDefault);
        ExitCodes.describe(cl);
        HelpLayout.apply(cl);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getCommandLine().getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && unmatched.isUnknownOption()) {
                String given = unmatched.getUnmatched().get(0).split("=", 2)[0];
                List<String> near = nearestOptions(given, ex.getCommandLine().getCommandSpec());
                if (!near.isEmpty()) err.println("Did you mean " + String.join(" or ", near) + "?");
            }
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

    /**
     * An enum option's default as a user types it ({@code strict}, not {@code STRICT}), so that help
     * shows it so; null for every other option (its own default stands).
     */
    static String enumDefault(CommandLine.Model.ArgSpec arg) {
        if (!arg.type().isEnum() || arg.defaultValue() != null || !(arg.initialValue() instanceof Enum<?> e)) return null;
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Runs a command, set up as {@link #commandLine}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        return execute(commandLine(command), args, out, err);
    }

    /** Runs a command line set up by {@link #commandLine}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(CommandLine cl, String[] args, PrintStream out, PrintStream err) {
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return executeAndFlush(cl, args);
    }

    /** Runs the command line; its writers are flushed after (a PrintWriter flushes itself only on println). */
    private static int executeAndFlush(CommandLine cl, String[] args) {
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    /** Runs a command as a program: exits the JVM with its code (see {@link #main(CommandLine, String[])}). */
    public static void main(Object command, String[] args) {
        main(commandLine(command), args);
    }

    /**
     * What a command's {@code main} does: runs it with SIGINT and SIGTERM handled as {@link Signals}
     * says, then exits with its exit code (130 / 143 when a signal stopped it).
     */
    public static void main(CommandLine cl, String[] args) {
        Signals.install(cl.getCommandSpec().qualifiedName(), System.err);
        int code = executeAndFlush(cl, args);
        System.out.flush();
        System.err.flush();
        System.exit(Signals.exitCode(code));
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

    /** Why a file operation failed, without the file's name: "permission denied", "No space left on device". */
    static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : describe(e);
    }

    private static String describe(FileSystemException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NotDirectoryException) return "not a directory";
        return e.getClass().getSimpleName();
    }

    /**
     * The option names of the command closest to a misspelt one: those the fewest edits away
     * (insertions, deletions, substitutions, two letters swapped), at most a third of its letters;
     * of those, one spelt with the same letters (a swap) alone; none when more than two are as near.
     */
    static List<String> nearestOptions(String given, CommandLine.Model.CommandSpec spec) {
        List<String> nearest = new ArrayList<>();
        int best = Math.max(2, given.length() / 3);
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            if (option.hidden()) continue;
            for (String name : option.names()) {
                int d = editDistance(given, name);
                if (d < best) nearest.clear();
                if (d <= best) nearest.add(name);
                best = Math.min(best, d);
            }
        }
        List<String> swapped = nearest.stream().filter(name -> sameLetters(name, given)).toList();
        if (swapped.size() == 1) return swapped;
        return nearest.size() <= 2 ? nearest : List.of();
    }

    private static boolean sameLetters(String a, String b) {
        char[] x = a.toCharArray();
        char[] y = b.toCharArray();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.equals(x, y);
    }

    /** Edits from {@code a} to {@code b}: insertions, deletions, substitutions and swaps of two neighbours (optimal string alignment). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * Checks, before any work, that {@code file} can be written as {@code AtomicFiles} writes it:
     * {@link OutputPaths#check}, the one rule (its directory must exist, it is never created for
     * you). A failure is an {@link ExitCode#IO_ERROR}: {@code cannot write FILE: why}.
     */
    public static void checkWritable(java.nio.file.Path file) {
        OutputPaths.check(file);
    }

    /** "1 model call", "2 model calls": {@code n} and the noun, plural unless n is 1 (with thousands separators). */
    public static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** "1 mismatch", "2 mismatches": {@code n} and the singular or the plural (with thousands separators). */
    public static String count(long n, String singular, String plural) {
        return grouped(n) + " " + (n == 1 ? singular : plural);
    }

    /*
     * The two below write what String.format(Locale.ROOT, ...) writes without a Formatter, whose
     * first use costs a command's start several milliseconds (its patterns, the locale's symbols).
     */

    /** {@code n} with a comma between groups of three digits: {@code String.format(Locale.ROOT, "%,d", n)}. */
    public static String grouped(long n) {
        String digits = Long.toString(n);
        int start = n < 0 ? 1 : 0;
        int length = digits.length() - start;
        if (length <= 3) return digits;
        StringBuilder b = new StringBuilder(digits.length() + length / 3).append(digits, 0, start);
        int first = length % 3 == 0 ? 3 : length % 3;
        b.append(digits, start, start + first);
        for (int k = start + first; k < digits.length(); k += 3) b.append(',').append(digits, k, k + 3);
        return b.toString();
    }

    /** {@code x} with two decimals, rounded half up: {@code String.format(Locale.ROOT, "%.2f", x)}. */
    public static String twoDecimals(double x) {
        if (Double.doubleToRawLongBits(x) < 0 || !Double.isFinite(x)) return String.format(java.util.Locale.ROOT, "%.2f", x); // (signs, -0.0)
        return new java.math.BigDecimal(Double.toString(x)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The message of a failed run, with what to try when the model's answer did not parse in strict
     * mode (a model that wraps its instruction in prose may pass in lenient mode).
     */
    public static String failureMessage(String message) {
        if (message != null && message.contains("(strict mode)")) {
            return message + " (if the model adds prose around the instruction, try --mode lenient: it takes the first line that parses)";
        }
        return message;
    }

    /**
     * What a command that groups others does when run without one: names them and prints its
     * usage on standard error; a usage error (2), not success.
     */
    public static int subcommandMissing(CommandLine.Model.CommandSpec spec) {
        List<String> names = spec.subcommands().entrySet().stream().filter(e -> !e.getValue().getCommandSpec().helpCommand())
                .map(java.util.Map.Entry::getKey).toList();
        String listed = names.size() < 2 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": give a subcommand (" + listed + ")");
        spec.commandLine().usage(err);
        return ExitCode.USAGE.code();
    }

    /** The version every command prints: its name and mnemos's version. */
    public static final class Version implements CommandLine.IVersionProvider {
        public static final String VERSION = "0.1.0";

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String[] getVersion() {
            return new String[] {spec.root().name() + " " + VERSION};
        }
    }

    /**
     * Text as it may safely reach a terminal on one line: {@link dev.mnemos.io.Printable#of}, the
     * one escaping function for model output and server messages (backslash, u, four hex digits for
     * control characters and bidi overrides; {@code \\n} for a newline).
     */
    public static String printable(String text) {
        return dev.mnemos.io.Printable.of(text);
    }

    /** Lines of text (a report table) made printable each, their line breaks kept ({@link dev.mnemos.io.Printable#lines}). */
    public static String printableLines(String text) {
        return dev.mnemos.io.Printable.lines(text);
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
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new Failure(ExitCode.IO_ERROR, "cannot write " + file + ": " + dir + " is not a directory");
        }
        try {
            write.run();
        } catch (IOException e) { // its file may be a temporary one beside FILE: say why, not its name
            throw new Failure(ExitCode.IO_ERROR, "cannot write " + file + ": " + why(dir, e));
        } catch (UncheckedIOException e) {
            throw new Failure(ExitCode.IO_ERROR, "cannot write " + file + ": " + why(dir, e.getCause()));
        }
    }

    /** Why a write failed, in words: the directory that went, permission denied; never a temporary file's name. */
    private static String why(Path dir, IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException && dir != null && !java.nio.file.Files.isDirectory(dir)) return dir + " does not exist";
        return OutputPaths.reason(e);
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
