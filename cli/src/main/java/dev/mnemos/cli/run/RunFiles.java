package dev.mnemos.cli.run;

import dev.mnemos.cli.Signals;
import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.runtime.cache.PromptCache;
import dev.mnemos.runtime.checkpoint.Checkpoint;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.checkpoint.RunLock;
import dev.mnemos.runtime.checkpoint.Resume;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.trace.TraceFields;
import dev.mnemos.runtime.trace.TraceWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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
    private final List<RunLock> locks = new ArrayList<>();
    private boolean closed;
    /** How the run ended, for its last checkpoint (null while it runs). */
    private volatile String ended;
    /** The last checkpoint the machine saved, so that it can be saved once more with how the run ended. */
    private volatile Checkpoint last;

    private RunFiles(PromptCache cache, TraceWriter trace, Path traceFile, CheckpointStore checkpoints, Duration interval, Resume resume, List<RunLock> locks) {
        this.cache = cache;
        this.trace = trace;
        this.checkpoints = checkpoints;
        if (checkpoints != null) checkpoints.section(CheckpointFiles.SECTION, () -> CheckpointFiles.section(traceFile, ended));
        this.checkpointInterval = interval;
        this.resume = resume;
        this.locks.addAll(locks);
    }

    /**
     * Opens the files; any may be null. With {@code resumeFrom}, the run goes on from that
     * checkpoint (brought up to date by the trace, when there is one) and saves its checkpoints
     * there unless {@code checkpoint} names another file.
     *
     * @throws Cli.Failure BAD_INPUT naming the file at fault
     */
    public static RunFiles open(Path cache, Path trace, boolean tracePrompts, Path checkpoint, Duration interval, Path resumeFrom) {
        return open(cache, trace, tracePrompts, checkpoint, interval, resumeFrom, (c, m) -> (step, line, changes) -> {});
    }

    /**
     * As above, {@code hook} restoring the rest of a resumed run. The run's files (checkpoint,
     * trace, the checkpoint resumed from) are claimed first ({@link RunLock}): one another process
     * holds is refused with IO_ERROR naming it.
     */
    public static RunFiles open(Path cache, Path trace, boolean tracePrompts, Path checkpoint, Duration interval, Path resumeFrom, Resume.Hook hook) {
        if (resumeFrom != null && checkpoint == null) checkpoint = resumeFrom;
        List<RunLock> locks = lock(checkpoint, trace, resumeFrom);
        try {
            RunFiles files = open(cache, trace, tracePrompts, checkpoint, interval, resumeFrom, hook, locks);
            locks = null;
            return files;
        } finally {
            if (locks != null) release(locks);
        }
    }

    private static List<RunLock> lock(Path... files) {
        List<RunLock> locks = new ArrayList<>();
        try {
            for (Path f : new LinkedHashSet<>(Arrays.asList(files))) {
                if (f != null) locks.add(RunLock.acquire(f));
            }
            return locks;
        } catch (IOException e) {
            release(locks);
            throw new Cli.Failure(ExitCode.IO_ERROR, e instanceof RunLock.HeldException ? e.getMessage() : "cannot create a lock file: " + reason(e) + " (" + e.getMessage() + ")");
        }
    }

    private static void release(List<RunLock> locks) {
        for (RunLock l : locks) {
            try {
                l.close();
            } catch (IOException ignored) {
                // the operating system drops the lock with the process anyway
            }
        }
    }

    private static RunFiles open(Path cache, Path trace, boolean tracePrompts, Path checkpoint, Duration interval, Path resumeFrom,
                                 Resume.Hook hook, List<RunLock> locks) {
        try {
            PromptCache c = cache == null ? null : PromptCache.open(cache);
            Resume r = null;
            if (resumeFrom != null) {
                if (!Files.exists(resumeFrom)) throw new Cli.Failure(ExitCode.BAD_INPUT, resumeFrom + ": no such checkpoint");
                r = Resume.from(new CheckpointStore(resumeFrom), trace, hook);
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
            return new RunFiles(c, t, trace, s, interval, r, locks);
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

    /** Where checkpoints are saved, or null; other parts of the run attach their sections to it. */
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /** Adds the cache, trace and checkpoints to a machine being built. */
    public Machine.Builder configure(Machine.Builder builder) {
        if (cache != null) builder.cache(cache);
        if (trace != null) builder.trace(trace);
        if (checkpoints != null) builder.checkpoints((progress, memory) -> save(new Checkpoint(progress, memory)), checkpointInterval);
        return builder;
    }

    private void save(Checkpoint checkpoint) throws IOException {
        checkpoints.save(checkpoint);
        last = checkpoint;
    }

    /** Saves the last checkpoint once more, saying how the run ended (so that a new run knows whether it may replace it). */
    private void recordEnd(RunResult result) {
        if (checkpoints == null || last == null) return;
        ended = result.status().name().toLowerCase(java.util.Locale.ROOT);
        try {
            checkpoints.save(last);
        } catch (IOException e) {
            System.err.println("warning: " + checkpoints.file() + ": cannot record how the run ended: " + e.getMessage());
        }
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
            checkpointAtStart(memory);
            RunResult result = machine.run(memory, start());
            recordEnd(result);
            return result;
        } finally {
            try {
                closeStreams();
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

    /**
     * A checkpoint before the first cycle, so that a run killed (even by {@code kill -9}) before its
     * first interval can be resumed: from here, the trace replays every cycle since.
     */
    private void checkpointAtStart(Memory memory) {
        if (checkpoints == null) return;
        Progress s = start();
        Progress at = new Progress(s.cycles(), s.modelCalls(), s.cacheHits(), trace == null ? -1 : trace.position());
        try {
            save(new Checkpoint(at, memory.snapshot()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + checkpoints.file() + ": " + e.getMessage(), e);
        }
    }

    private void closeStreams() throws IOException {
        if (closed) return;
        closed = true;
        try {
            if (trace != null) trace.close();
        } finally {
            if (cache != null) cache.close();
        }
    }

    /**
     * Closes the trace and cache and gives up the run's files (call it last, after any
     * clean-up of the checkpoint); a second call does nothing.
     */
    @Override
    public void close() throws IOException {
        try {
            closeStreams();
        } finally {
            release(locks);
            locks.clear();
        }
    }
}
