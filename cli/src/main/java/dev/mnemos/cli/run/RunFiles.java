package dev.mnemos.cli.run;

import dev.mnemos.cli.Signals;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.runtime.cache.PromptCache;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.checkpoint.Resume;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.trace.TraceFields;
import dev.mnemos.runtime.trace.TraceWriter;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The files around a run that commands share: prompt cache, trace, checkpoint, and resuming
 * from them; and the Ctrl-C hook that ends a run cleanly (trace flushed, checkpoint written).
 */
public final class RunFiles implements AutoCloseable {

    private final PromptCache cache;
    private final TraceWriter trace;
    private final CheckpointStore checkpoints;
    private final Duration checkpointInterval;
    private final Resume resume;

    private RunFiles(PromptCache cache, TraceWriter trace, CheckpointStore checkpoints, Duration interval, Resume resume) {
        this.cache = cache;
        this.trace = trace;
        this.checkpoints = checkpoints;
        this.checkpointInterval = interval;
        this.resume = resume;
    }

    /**
     * Opens the files; any may be null. With {@code resumeFrom}, the run goes on from that
     * checkpoint (brought up to date by the trace, when there is one) and saves its checkpoints
     * there unless {@code checkpoint} names another file.
     *
     * @throws Cli.Failure BAD_INPUT naming the file at fault
     */
    public static RunFiles open(Path cache, Path trace, boolean tracePrompts, Path checkpoint, Duration interval, Path resumeFrom) {
        try {
            PromptCache c = cache == null ? null : PromptCache.open(cache);
            Resume r = null;
            if (resumeFrom != null) {
                if (!Files.exists(resumeFrom)) throw new Cli.Failure(ExitCode.BAD_INPUT, resumeFrom + ": no such checkpoint");
                r = Resume.from(new CheckpointStore(resumeFrom), trace);
                if (checkpoint == null) checkpoint = resumeFrom;
            }
            TraceWriter t = null;
            if (trace != null) {
                boolean goOn = r != null && r.progress().tracePosition() >= 0 && Files.exists(trace);
                try {
                    t = goOn ? TraceWriter.append(trace, r.progress().tracePosition(), tracePrompts) : TraceWriter.create(trace, tracePrompts);
                } catch (IOException e) {
                    throw new Cli.Failure(ExitCode.IO_ERROR, "cannot write the trace " + trace + ": " + reason(e));
                }
            }
            CheckpointStore s = checkpoint == null ? null : new CheckpointStore(checkpoint);
            return new RunFiles(c, t, s, interval, r);
        } catch (IOException e) {
            throw new Cli.Failure(ExitCode.BAD_INPUT, e.getMessage());
        }
    }

    /** Why a file could not be opened: the NIO exceptions' messages are often the bare path. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage();
    }

    /** Whether the run resumes a checkpoint. */
    public boolean resuming() {
        return resume != null;
    }

    /** The resumed memory (only when {@link #resuming()}). */
    public Memory resumedMemory() {
        return resume.memory();
    }

    /** Where the run starts: the resumed progress, or the beginning. */
    public Progress start() {
        return resume == null ? Progress.START : resume.progress();
    }

    public PromptCache cache() {
        return cache;
    }

    /** Adds a program's own fields to every trace line (utm: head and symbol); nothing without a trace. */
    public void traceFields(TraceFields fields) {
        if (trace != null) trace.fields(fields);
    }

    /** Adds the cache, trace and checkpoints to a machine being built. */
    public Machine.Builder configure(Machine.Builder builder) {
        if (cache != null) builder.cache(cache);
        if (trace != null) builder.trace(trace);
        if (checkpoints != null) builder.checkpoints(checkpoints, checkpointInterval);
        return builder;
    }

    /**
     * Runs the machine with a Ctrl-C hook: the hook asks the machine to stop after the cycle in
     * progress and waits (up to 10 s) for it to flush the trace and write its checkpoint.
     */
    public RunResult run(Machine machine, Memory memory) {
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            machine.requestStop();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mnemos-interrupt");
        Runtime.getRuntime().addShutdownHook(hook); // SIGHUP and the like; SIGINT and SIGTERM come through Signals
        try (Signals.Registration onSignal = Signals.whileRunning(machine::requestStop)) {
            return machine.run(memory, start());
        } finally {
            try {
                close();
            } catch (IOException e) {
                System.err.println("warning: " + e.getMessage());
            }
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for done, which is now counted down
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (trace != null) trace.close();
        if (cache != null) cache.close();
    }
}
