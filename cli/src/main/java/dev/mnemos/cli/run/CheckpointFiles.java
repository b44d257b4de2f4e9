package dev.mnemos.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.cli.FileOptions;
import dev.mnemos.runtime.checkpoint.Checkpoint;
import dev.mnemos.runtime.checkpoint.CheckpointStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a checkpoint says of its run, and the rules that follow, for every command that
 * checkpoints ({@code mnemos run}, {@code utm-run}, {@code lag-run}). Each checkpoint carries a
 * section {@value #SECTION}: the trace the run writes (absolute) and how it ended ({@code null}
 * while it runs or when it was killed; then {@code halted}, {@code step_limit}, {@code interrupted},
 * {@code failed}, ...). So:
 *
 * <ul>
 * <li>a resumed run goes on with the trace its checkpoint names: left out, it is taken from there
 *     (and said so); another is refused (exit 2), and a trace that is gone too (exit 3), since the
 *     trace would then miss cycles for good ({@link #traceOnResume});</li>
 * <li>a new run never overwrites a checkpoint that holds an unfinished run: one named with
 *     {@code --checkpoint} is refused (exit 12) with the command that goes on from it; a default
 *     checkpoint is not a reason to block an unrelated run, which takes the next free default name
 *     and offers the old run's resume, unless both runs write the same trace, which the new run
 *     would overwrite (refused) ({@link #forNewRun}). A checkpoint of a run that halted, or that
 *     holds no cycle, has nothing to lose and is replaced.</li>
 * </ul>
 */
public final class CheckpointFiles {

    /** The checkpoint section that records the run's trace and end. */
    public static final String SECTION = "run";

    private CheckpointFiles() {}

    /** The section a run attaches: its trace (absolute, or null) and how it ended (null while it runs). */
    static JsonNode section(Path trace, String ended) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (trace == null) o.putNull("trace"); else o.put("trace", trace.toAbsolutePath().normalize().toString());
        if (ended == null) o.putNull("ended"); else o.put("ended", ended);
        return o;
    }

    /** What an existing checkpoint file says, or null when it cannot be read as one. */
    private record Saved(long cycles, boolean recorded, Path trace, String ended) {
        boolean finished() {
            return cycles == 0 || "halted".equals(ended);
        }
    }

    private static Saved read(Path file) {
        try {
            Checkpoint c = new CheckpointStore(file).load();
            JsonNode run = c.section(SECTION);
            JsonNode trace = run == null ? null : run.get("trace");
            JsonNode ended = run == null ? null : run.get("ended");
            return new Saved(c.progress().cycles(), run != null, trace != null && trace.isTextual() ? Path.of(trace.asText()) : null,
                    ended != null && ended.isTextual() ? ended.asText() : null);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The trace a run resumed from {@code checkpoint} writes: the one the checkpoint names, whether
     * {@code given} or left out (then a line on {@code err} says so); {@code given} when the
     * checkpoint names none (an older checkpoint, or a run without a trace).
     *
     * @throws Cli.Failure USAGE when {@code given} is another file; BAD_INPUT when the checkpoint's trace is gone
     */
    public static Path traceOnResume(Path checkpoint, Path given, String command, PrintWriter err) {
        if (checkpoint == null || !Files.isRegularFile(checkpoint)) return given;
        Saved saved = read(checkpoint);
        if (saved == null || saved.trace() == null) return given;
        Path trace = saved.trace();
        if (given != null && !sameFile(given, trace)) {
            throw new Cli.Failure(ExitCode.USAGE, "--trace " + given + ": the run in " + checkpoint + " writes its trace to " + trace
                    + "; give that --trace, or leave --trace out to go on with it");
        }
        if (!Files.exists(trace)) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, checkpoint + ": its run writes its trace to " + trace
                    + ", which is gone; the trace would miss the cycles before the resume (start the run again)");
        }
        if (given != null) return given;
        err.println(Cli.printable(command + ": going on with the run's trace " + trace));
        err.flush();
        return trace;
    }

    /**
     * The checkpoint a new run (not a resume) writes. {@code file} is the one {@code --checkpoint}
     * names ({@code isDefault} false) or the command's default name for this run ({@code isDefault}
     * true); null for none.
     *
     * @param trace the new run's trace, or null
     * @return {@code file}, or for a default name held by an unfinished run of another trace, the next free default name
     * @throws Cli.Failure IO_ERROR when the new run would overwrite an unfinished run's checkpoint or trace
     */
    public static Path forNewRun(Path file, boolean isDefault, Path trace, String command, PrintWriter err) {
        if (file == null || !Files.exists(file)) return file;
        Saved saved = read(file);
        if (saved != null && saved.finished()) return file;
        String what = saved == null ? " exists and is not a checkpoint this run may replace"
                : " holds an unfinished run (" + Cli.count(saved.cycles(), "cycle") + ")";
        if (!isDefault || saved == null || !saved.recorded()) { // (a checkpoint of an older version does not say which trace its run writes)
            throw new Cli.Failure(ExitCode.IO_ERROR, file + what + "; " + (saved == null ? "" : "go on with --resume " + file + ", or ")
                    + "give this run another --checkpoint (or delete " + file + ")");
        }
        if (trace != null && saved.trace() != null && sameFile(trace, saved.trace())) {
            throw new Cli.Failure(ExitCode.IO_ERROR, file + what + " that writes its trace to " + trace
                    + ", which this run would overwrite; go on with --resume " + file + ", or give this run another --trace");
        }
        Path next = nextFree(file);
        err.println(Cli.printable(command + ": " + file + what.replace(")", "; go on with --resume " + file + ")") + "; this run checkpoints to " + next));
        err.flush();
        return next;
    }

    /** {@code run.checkpoint.json} -> {@code run.2.checkpoint.json}, {@code run.3...}: the first that a new run may take. */
    private static Path nextFree(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String rest = dot < 0 ? "" : name.substring(dot);
        for (int k = 2; ; k++) {
            Path candidate = file.resolveSibling(stem + "." + k + rest);
            if (!Files.exists(candidate)) return candidate;
            Saved saved = read(candidate);
            if (saved != null && saved.finished()) return candidate;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        return FileOptions.same(a, b);
    }
}
