package dev.mnemos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for the files a command names, checked together before it opens, reads, writes or
 * sends anything (so a refused command line never truncates a trace, and a report that cannot be
 * written is found before the first model call, not after the last):
 *
 * <ol>
 * <li>one file, one role (a usage error, exit 2): two outputs may not be one file, and no input may
 *     be a file the run writes while it runs (a trace, cache or checkpoint: {@link #stream}). An
 *     input may be an output written whole at the end ({@link #output}), as {@code --boot b.txt
 *     --out-boot b.txt} repairs a boot in place: it is read first and replaced atomically.</li>
 * <li>every output can be written (exit 12, naming the option, the file and why): its directory
 *     exists (it is never created for you from what may be a typo), is a directory and takes a new
 *     file; an output written at the end is not a directory (a trace, cache or checkpoint that is
 *     one is reported when it is opened: a cache or checkpoint is read first, and is bad input).</li>
 * </ol>
 *
 * <pre>{@code
 * FileOptions.of().input("--bitag", bitag).stream("--trace", trace).stream("--cache", cache).output("--out", out).check();
 * }</pre>
 * A null file is left out (an option not given).
 */
public final class FileOptions {

    private enum Kind { INPUT, STREAM, OUTPUT }

    private record Named(String option, Path file, Kind kind) {}

    private final List<Named> files = new ArrayList<>();

    private FileOptions() {}

    public static FileOptions of() {
        return new FileOptions();
    }

    /** A file the command reads. */
    public FileOptions input(String option, Path file) {
        return add(option, file, Kind.INPUT);
    }

    /** A file written while the command runs (a trace, a prompt cache, a checkpoint). */
    public FileOptions stream(String option, Path file) {
        return add(option, file, Kind.STREAM);
    }

    /** A file written whole when the command ends (a report, a boot, a dictionary, a final memory). */
    public FileOptions output(String option, Path file) {
        return add(option, file, Kind.OUTPUT);
    }

    private FileOptions add(String option, Path file, Kind kind) {
        if (file != null) files.add(new Named(option, file, kind));
        return this;
    }

    /**
     * Checks the roles, then every output.
     *
     * @throws Cli.Failure USAGE when one file has two roles, IO_ERROR when an output cannot be written
     */
    public void check() {
        for (int a = 0; a < files.size(); a++) {
            for (int b = a + 1; b < files.size(); b++) {
                Named x = files.get(a), y = files.get(b);
                if (x.kind() == Kind.INPUT && y.kind() == Kind.INPUT || !same(x.file(), y.file())) continue;
                if (x.kind() == Kind.OUTPUT && y.kind() == Kind.INPUT || x.kind() == Kind.INPUT && y.kind() == Kind.OUTPUT) continue;
                throw new Cli.Failure(ExitCode.USAGE, x.option() + " " + x.file() + " and " + y.option() + " " + y.file()
                        + " are the same file; give each its own (" + role(x) + ", " + role(y) + ")");
            }
        }
        for (Named n : files) {
            if (n.kind() == Kind.OUTPUT && Files.isDirectory(n.file())) throw new Cli.Failure(ExitCode.IO_ERROR, n.option() + " " + n.file() + ": it is a directory");
            if (n.kind() != Kind.INPUT) writable(n.option(), n.file());
        }
    }

    private static String role(Named n) {
        return switch (n.kind()) {
            case INPUT -> n.option() + " is read";
            case STREAM -> n.option() + " is written as the run goes";
            case OUTPUT -> n.option() + " is written at the end";
        };
    }

    /** Whether two paths name one file: the same absolute path, or, when both exist, the same file (links). */
    public static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) return true;
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Checks that {@code file} can be written as our writers write it (a new file beside it, then a
     * rename; or appended to): {@link OutputPaths}' rule, the message naming the option.
     *
     * @throws Cli.Failure IO_ERROR {@code OPTION FILE: why}
     */
    public static void writable(String option, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String why = dir == null ? "it has no directory" : OutputPaths.problem(dir);
        if (why != null) throw new Cli.Failure(ExitCode.IO_ERROR, option + " " + file + ": " + why);
    }
}
