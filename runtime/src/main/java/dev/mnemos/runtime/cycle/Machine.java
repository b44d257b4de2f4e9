package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.cache.CachingProcessor;
import dev.mnemos.runtime.cache.PromptCache;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.CallBudget;
import dev.mnemos.runtime.model.CallLimitException;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stored-program computer: a processor (the model) runs the program held in memory, one
 * cycle at a time, until {@code op} holds {@code halt} or a limit is hit. A cycle is a pipeline:
 *
 * <pre>
 *   read     prompt  = reader.read(memory, memory["op"])              substitute @[label]
 *   compute  answer  = processor.process(prompt, budget)              the cache, then the model with its retries
 *   write    changes = writer.apply(memory, parser.parse(answer))     %[label], then all at once
 *   notify   every listener (the trace first) gets the CycleEvent; then the processor hears
 *            whether the answer was accepted (a cache stores it only then)
 * </pre>
 *
 * Cache and retries are decorators of the processor ({@link CachingProcessor}, the model's
 * {@code RetryingProcessor}): the one retry policy for transient failures is the processor's, and
 * every request it sends, retries included, takes one from the run's call budget. The machine
 * itself asks again (up to {@code retries} times) only when an answer does not parse or apply. A
 * cycle that fails changes nothing; the run then ends FAILED with memory as of the last
 * completed cycle.
 */
public final class Machine {

    /** The instruction register: holds the text of the current instruction. */
    public static final String OP = "op";
    /** The value of {@code op} that halts the machine. */
    public static final String HALT = "halt";

    private final Processor processor;
    private final Reader reader;
    private final InstructionParser parser;
    private final Writer writer;
    private final RunLimits limits;
    private final int retries;
    private final List<CycleListener> listeners;
    private final Journal journal;
    private final CheckpointSink checkpoints;
    private final Duration checkpointInterval;
    private volatile boolean stopRequested;

    private Machine(Builder b) {
        Processor p = Objects.requireNonNull(b.processor, "processor");
        this.processor = b.cache == null ? p : new CachingProcessor(p, b.cache);
        this.reader = b.reader;
        this.writer = b.writer;
        this.parser = new InstructionParser(b.parseMode);
        this.limits = b.limits;
        this.retries = b.retries;
        this.journal = b.journal;
        List<CycleListener> all = new ArrayList<>();
        if (b.journal != null) all.add(b.journal);
        all.addAll(b.listeners);
        this.listeners = List.copyOf(all);
        this.checkpoints = b.checkpoints;
        this.checkpointInterval = b.checkpointInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Asks the run to end after the cycle in progress, or, when none is in progress yet, the next
     * run to end before its first cycle (safe from any thread, e.g. a Ctrl-C hook).
     */
    public void requestStop() {
        stopRequested = true;
    }

    /** Runs from the first cycle. */
    public RunResult run(Memory memory) {
        return run(memory, Progress.START);
    }

    /** Runs on from where {@code start} left off (a resumed run). */
    public RunResult run(Memory memory, Progress start) {
        Run run = new Run(memory, start);
        RunResult result;
        try {
            result = run.loop();
        } finally {
            stopRequested = false; // a request ends one run
        }
        if (checkpoints != null) run.checkpoint();
        return result;
    }

    /** One run's mutable state. */
    private final class Run {
        private final Memory memory;
        private final StateNames stateNames;
        private final long startNanos = System.nanoTime();
        private final long maxWallNanos = limits.maxWall() == null ? Long.MAX_VALUE : nanos(limits.maxWall());
        private final CallBudget budget = new CallBudget(limits.maxModelCalls());
        private final ReadMemo reads = new ReadMemo(reader);
        private final ParseMemo parses = new ParseMemo(parser);
        private final long startCalls;
        private long cycles;
        private long cacheHits;
        private long lastCheckpointNanos = startNanos;

        Run(Memory memory, Progress start) {
            this.memory = memory;
            this.cycles = start.cycles();
            this.startCalls = start.modelCalls();
            this.cacheHits = start.cacheHits();
            this.stateNames = listeners.isEmpty() ? null : new StateNames(memory);
        }

        RunResult loop() {
            RunResult end;
            do {
                end = next();
            } while (end == null);
            return end;
        }

        /**
         * Runs the next cycle; returns null while the run goes on, else how it ended. (Its own
         * method, so that the JIT compiles it after a few hundred cycles: a loop's body in the
         * method that loops is compiled only after tens of thousands of turns.)
         */
        private RunResult next() {
            String op = memory.read(OP);
            if (op.equals(HALT)) return end(RunResult.Status.HALTED, null, null);
            if (stopRequested) return end(RunResult.Status.INTERRUPTED, null, null);
            if (cycles >= limits.maxSteps()) return end(RunResult.Status.STEP_LIMIT, null, null);
            if (limits.maxWall() != null && System.nanoTime() - startNanos >= maxWallNanos) {
                return end(RunResult.Status.TIME_LIMIT, null, null);
            }
            try {
                cycle(op);
            } catch (CallLimitException e) {
                return end(RunResult.Status.CALL_LIMIT, null, null);
            } catch (CycleException | ModelException e) {
                return end(RunResult.Status.FAILED, e, null);
            } catch (StopRunException e) {
                return end(RunResult.Status.STOPPED, null, e.getMessage());
            }
            if (checkpoints != null && System.nanoTime() - lastCheckpointNanos >= checkpointInterval.toNanos()) {
                checkpoint();
            }
            return null;
        }

        /**
         * read → compute → write → notify. An answer that does not parse or apply is asked of the
         * model again, up to {@code retries} times; one the cache gave always is (the cache forgets it).
         */
        private void cycle(String op) throws CycleException, ModelException, CallLimitException, StopRunException {
            String prompt = reads.read(memory, op);
            long callsBefore = budget.taken();
            for (int asked = 0; ; ) {
                Computed computed = compute(prompt);
                Written written;
                try {
                    written = write(computed.answer);
                } catch (ParseException | WriteException e) {
                    processor.rejected(prompt, computed.answer);
                    if (computed.cacheHit || asked++ < retries) continue;
                    throw e;
                }
                notify(op, prompt, computed, written, (int) (budget.taken() - callsBefore));
                return;
            }
        }

        private Computed compute(String prompt) throws ModelException, CallLimitException {
            long t0 = System.nanoTime();
            long before = budget.taken();
            Answer answer = processor.process(prompt, budget);
            return new Computed(answer, System.nanoTime() - t0, budget.taken() == before);
        }

        private Written write(Answer answer) throws ParseException, WriteException {
            Writer.Plan plan = parses.parse(answer.text());
            return new Written(plan.instruction(), writer.apply(memory, plan));
        }

        /** Every listener hears the cycle; then the processor hears whether its answer may be kept. */
        private void notify(String op, String prompt, Computed computed, Written written, int requests) throws StopRunException {
            long step = cycles++;
            if (computed.cacheHit) cacheHits++;
            CycleEvent event = listeners.isEmpty() ? null : new CycleEvent(step, stateNames.of(op), prompt, computed.answer,
                    written.instruction, written.changes, computed.latencyNanos, computed.cacheHit, requests);
            try {
                if (event != null) for (CycleListener l : listeners) l.onCycle(event);
            } catch (StopRunException e) {
                processor.rejected(prompt, computed.answer);
                throw e;
            }
            if (event != null && event.rejection() != null) processor.rejected(prompt, computed.answer);
            else processor.accepted(prompt, computed.answer);
        }

        void checkpoint() {
            lastCheckpointNanos = System.nanoTime();
            try {
                checkpoints.save(progress(), memory.snapshot());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the checkpoint " + checkpoints + ": " + e.getMessage(), e);
            }
        }

        private Progress progress() {
            return new Progress(cycles, startCalls + budget.taken(), cacheHits, journal == null ? -1 : journal.position());
        }

        private RunResult end(RunResult.Status status, Exception failure, String reason) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            return new RunResult(status, cycles, startCalls + budget.taken(), cacheHits, elapsed, failure, reason);
        }
    }

    private record Computed(Answer answer, long latencyNanos, boolean cacheHit) {}

    private record Written(Instruction instruction, List<Change> changes) {}

    /** The duration in nanoseconds; one too long for a long (about 292 years) is no bound at all. */
    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    public static final class Builder {
        private Processor processor;
        private PromptCache cache;
        private Reader reader = new Reader();
        private Writer writer = new Writer();
        private ParseMode parseMode = ParseMode.STRICT;
        private RunLimits limits = RunLimits.NONE;
        private int retries;
        private final List<CycleListener> listeners = new ArrayList<>();
        private Journal journal;
        private CheckpointSink checkpoints;
        private Duration checkpointInterval = Duration.ofSeconds(5);

        private Builder() {}

        /** The model (required). */
        public Builder processor(Processor processor) { this.processor = processor; return this; }

        /**
         * A prompt cache, put around the processor ({@link CachingProcessor}): only answers whose
         * cycle completed and that no listener rejected are stored. Default none.
         */
        public Builder cache(PromptCache cache) { this.cache = cache; return this; }

        /** Default: 64 passes, 1 MiB prompts. */
        public Builder reader(Reader reader) { this.reader = Objects.requireNonNull(reader); return this; }

        /** Default: values of at most 1 MiB characters ({@link Writer#DEFAULT_MAX_VALUE_LENGTH}). */
        public Builder writer(Writer writer) { this.writer = Objects.requireNonNull(writer); return this; }

        /** Default {@link ParseMode#STRICT}. */
        public Builder parseMode(ParseMode mode) { this.parseMode = Objects.requireNonNull(mode); return this; }

        /** Default none. */
        public Builder limits(RunLimits limits) { this.limits = Objects.requireNonNull(limits); return this; }

        /**
         * How many more times the model is asked when its answer does not parse or apply (asked of
         * the model, not the cache). Transient model errors (5xx, timeouts) are the processor's to
         * retry (its {@code RetryingProcessor}), within the same call budget. Default 0: stop.
         */
        public Builder retries(int retries) {
            if (retries < 0) throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
            this.retries = retries;
            return this;
        }

        public Builder listener(CycleListener listener) { listeners.add(Objects.requireNonNull(listener)); return this; }

        /** A record of every cycle (the trace), told first of all listeners; its position goes into checkpoints. */
        public Builder trace(Journal journal) { this.journal = journal; return this; }

        /** Saves a checkpoint every {@code interval} and when the run ends, whatever the reason. */
        public Builder checkpoints(CheckpointSink store, Duration interval) {
            this.checkpoints = Objects.requireNonNull(store);
            this.checkpointInterval = Objects.requireNonNull(interval);
            return this;
        }

        public Machine build() {
            return new Machine(this);
        }
    }
}
