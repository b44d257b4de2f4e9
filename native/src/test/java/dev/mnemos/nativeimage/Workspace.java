package dev.mnemos.nativeimage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The directory utm-run runs in ({@link #dir}), and its standard output and error kept apart from
 * it, so that the files in the directory are the run's own. Both runners run in the same directory,
 * one after the other, so that a path a file holds is the same for both.
 */
final class Workspace {

    static final long RUN_LIMIT_SECONDS = 120;

    final Path dir;
    private final Path out;
    private final Path err;

    Workspace(Path root) throws IOException {
        dir = Files.createDirectories(root.resolve("run"));
        out = root.resolve("stdout.txt");
        err = root.resolve("stderr.txt");
    }

    /** Empties the directory, then runs each invocation in turn with {@code runner}: what each did. */
    List<Outcome> runAll(UtmRunner runner, List<List<String>> invocations) throws Exception {
        empty();
        List<Outcome> outcomes = new ArrayList<>();
        for (List<String> args : invocations) {
            outcomes.add(finish(start(runner, args)));
        }
        return outcomes;
    }

    /** Starts utm-run in the directory, its standard output and error to files beside it. */
    Process start(UtmRunner runner, List<String> args) throws IOException {
        return runner.command(dir, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /**
     * Starts utm-run in the emptied directory with its standard output a pipe that nobody reads
     * (closed at once, as {@code utm-run | head -c 0} would), and waits for it: what it did.
     */
    Outcome runIntoAClosedPipe(UtmRunner runner, List<String> args) throws Exception {
        empty();
        Files.write(out, new byte[0]);
        Process p = runner.command(dir, args).redirectError(err.toFile()).start();
        p.getInputStream().close();
        return finish(p);
    }

    /** Waits for {@code p} to end (at most {@value #RUN_LIMIT_SECONDS} s) and reads what it left. */
    Outcome finish(Process p) throws Exception {
        if (!p.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("utm-run still running after " + RUN_LIMIT_SECONDS + " s: " + p.info().commandLine().orElse(""));
        }
        SortedMap<String, String> files = new TreeMap<>();
        SortedMap<String, String> modes = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), read(file));
                modes.put(file.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        return new Outcome(p.exitValue(), read(out), read(err), files, modes);
    }

    /** The mode a new file gets here (0644 under the usual umask 022), as a file written with io's AtomicFiles gets. */
    String newFileMode() throws IOException {
        Path probe = Files.createFile(out.resolveSibling("probe"));
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(probe));
        } finally {
            Files.delete(probe);
        }
    }

    private void empty() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.toList()) Files.delete(file);
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
