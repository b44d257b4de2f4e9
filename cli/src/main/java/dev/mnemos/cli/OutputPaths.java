package dev.mnemos.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The one rule for the files a command writes. The directory a file goes into must exist already:
 * a command never creates it (a typo in a path is reported, not turned into a new tree). Whether
 * the file can be written there is checked before any long work (a probe file is made and deleted
 * beside it, as an atomic write makes its temporary file there). A write that fails all the same
 * names the file and says why in words ({@code permission denied}, {@code No space left on
 * device}), never a temporary file's name. Every failure is {@link ExitCode#IO_ERROR}, in one line:
 * {@code cannot write FILE: REASON}.
 *
 * <pre>{@code
 * OutputPaths.check(out);                                    // before the work
 * ...
 * OutputPaths.write(out, () -> AtomicFiles.write(out, bytes)); // after it
 * }</pre>
 */
public final class OutputPaths {

    private OutputPaths() {}

    /** Checks that {@code file} can be written (see the class comment); returns it. */
    public static Path check(Path file) {
        if (Files.isDirectory(file)) throw failure(file, "it is a directory");
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) throw failure(file, "it has no directory");
        checkDirectory(file, dir);
        return file;
    }

    /** Checks that files can be written into the existing directory {@code dir}; returns it. */
    public static Path checkDirectory(Path dir) {
        checkDirectory(dir, dir.toAbsolutePath());
        return dir;
    }

    private static void checkDirectory(Path named, Path dir) {
        String problem = problem(dir);
        if (problem != null) throw failure(named, problem);
    }

    /**
     * Why files cannot be written into {@code dir} ({@code DIR does not exist (create it first)},
     * {@code DIR is not a directory}, {@code permission denied}), or null when they can. The one
     * check behind {@link #check} and {@link FileOptions} (which names the option with the file).
     */
    static String problem(Path dir) {
        if (!Files.exists(dir)) return dir + " does not exist (create it first)";
        if (!Files.isDirectory(dir)) return dir + " is not a directory";
        try {
            Files.delete(Files.createTempFile(dir, ".mnemos-", ".probe"));
            return null;
        } catch (IOException | SecurityException e) {
            return reason(e);
        }
    }

    /** Runs {@code write}; a failure is {@link ExitCode#IO_ERROR} naming {@code file} and saying why. */
    public static void write(Path file, Cli.Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw failure(file, reason(e));
        } catch (UncheckedIOException e) {
            throw failure(file, reason(e.getCause()));
        }
    }

    /** Why a file operation failed, in words, without the name of the file it was on. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof SecurityException) return "permission denied";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof NoSuchFileException) return "its directory is gone";
        if (e instanceof FileSystemException fs) {
            return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static Cli.Failure failure(Path file, String reason) {
        return new Cli.Failure(ExitCode.IO_ERROR, "cannot write " + file + ": " + reason);
    }
}
