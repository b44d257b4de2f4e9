package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.cache.PromptCache;
import dev.mnemos.runtime.checkpoint.Checkpoint;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.trace.TraceWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stored-program computer: a processor (the model) runs the program held in memory, one
 * Read → Compute → Write cycle at a time, until {@code op} holds {@code halt} or a limit is hit.
 *
 * <pre>
 *   Read     prompt  = reader.read(memory, memory["op"])      substitute @[label]
 *   Compute  answer  = processor.process(prompt)              one model call (or the cache)
 *   Write    changes = writer.apply(memory, parser.parse(answer))   %[label], then all at once
 * </pre>
 *
 * A cycle that fails (a model error, output that does not parse, an effect that cannot apply)
 * changes nothing; it is tried again up to {@code retries} times, then the run ends FAILED with
 * memory as of the last completed cycle.
 */
public final class Machine {

    /** The instruction register: holds the text of the current instruction. */
    public static final String OP = "op";
    /** The value of {@code op} that halts the machine. */
    public static final String HALT = "halt";
    /** The conventional head label. */
    public static final String HEAD = "i";

    private final Processor processor;
    private final PromptCache cache;
    private final Reader reader;
    private final InstructionParser parser;
    private final Writer writer;
    private final RunLimits limits;
    private final int retries;
    private final List<CycleListener> listeners;
    private final TraceWriter trace;
    private final CheckpointStore checkpoints;
    private final Duration checkpointInterval;
    private volatile boolean stopRequested;

    private Machine(Builder b) {
        this.processor = Objects.requireNonNull(b.processor, "processor");
        this.cache = b.cache;
        this.reader = b.reader;
        this.writer = b.writer;
        this.parser = new InstructionParser(b.parseMode);
        this.limits = b.limits;
        this.retries = b.retries;
        this.trace = b.trace;
        List<CycleListener> all = new ArrayList<>();
        if (b.trace != null) all.add(b.trace);
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
        private final String fingerprint = cache == null ? null : processor.fingerprint();
        private final long startNanos = System.nanoTime();
        private final long maxWallNanos = limits.maxWall() == null ? Long.MAX_VALUE : nanos(limits.maxWall());
        private final long startCalls;
        private long cycles;
        private long modelCalls;
        private long cacheHits;
        private long lastCheckpointNanos = startNanos;

        Run(Memory memory, Progress start) {
            this.memory = memory;
            this.cycles = start.cycles();
            this.modelCalls = start.modelCalls();
            this.startCalls = start.modelCalls();
            this.cacheHits = start.cacheHits();
            this.stateNames = listeners.isEmpty() ? null : new StateNames(memory);
        }

        RunResult loop() {
            while (true) {
                String op = memory.read(OP);
                if (op.equals(HALT)) return end(RunResult.Status.HALTED, null, null);
                if (stopRequested) return end(RunResult.Status.INTERRUPTED, null, null);
                if (cycles >= limits.maxSteps()) return end(RunResult.Status.STEP_LIMIT, null, null);
                if (limits.maxWall() != null && System.nanoTime() - startNanos >= maxWallNanos) {
                    return end(RunResult.Status.TIME_LIMIT, null, null);
                }
                try {
                    cycle(op);
                } catch (CallLimitReached e) {
                    return end(RunResult.Status.CALL_LIMIT, null, null);
                } catch (CycleException | ModelException e) {
                    return end(RunResult.Status.FAILED, e, null);
                } catch (StopRunException e) {
                    return end(RunResult.Status.STOPPED, null, e.getMessage());
                }
                if (checkpoints != null && System.nanoTime() - lastCheckpointNanos >= checkpointInterval.toNanos()) {
                    checkpoint();
                }
            }
        }

        private void cycle(String op) throws CycleException, ModelException, StopRunException, CallLimitReached {
            String prompt = reader.read(memory, op);
            String state = null;
            Long head = null;
            String symbol = null;
            if (stateNames != null) {
                state = stateNames.of(op);
                if (memory.get(HEAD) instanceof Long h) {
                    head = h;
                    symbol = memory.read(Long.toString(h));
                }
            }
            String cached = cache == null ? null : cache.get(fingerprint, prompt);
            int attempts = 0;
            while (true) {
                long t0 = System.nanoTime();
                Answer answer;
                if (cached != null && attempts == 0) {
                    answer = Answer.of(cached);
                } else {
                    if (modelCalls - startCalls >= limits.maxModelCalls()) throw new CallLimitReached();
                    attempts++;
                    modelCalls++;
                    try {
                        answer = processor.process(prompt);
                    } catch (ModelException e) {
                        if (e.kind().isTransient() && attempts <= retries) continue;
                        throw e;
                    }
                }
                long latency = System.nanoTime() - t0;
                boolean hit = attempts == 0;
                Instruction instruction;
                List<Change> changes;
                try {
                    instruction = parser.parse(answer.text());
                    changes = writer.apply(memory, instruction);
                } catch (ParseException | WriteException e) {
                    if (attempts <= retries && (attempts > 0 || cached != null)) {
                        cached = null; // ask the model again rather than the cache
                        continue;
                    }
                    throw e;
                }
                if (!hit && cache != null) cache.put(fingerprint, prompt, answer.text());
                if (hit) cacheHits++;
                long step = cycles++;
                if (!listeners.isEmpty()) {
                    CycleEvent event = new CycleEvent(step, state, head, symbol, prompt, answer, instruction, changes, latency, hit, attempts);
                    for (CycleListener l : listeners) l.onCycle(event);
                }
                return;
            }
        }

        void checkpoint() {
            lastCheckpointNanos = System.nanoTime();
            try {
                checkpoints.save(new Checkpoint(progress(), memory.snapshot()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the checkpoint " + checkpoints.file() + ": " + e.getMessage(), e);
            }
        }

        private Progress progress() {
            return new Progress(cycles, modelCalls, cacheHits, trace == null ? -1 : trace.position());
        }

        private RunResult end(RunResult.Status status, Exception failure, String reason) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            return new RunResult(status, cycles, modelCalls, cacheHits, elapsed, failure, reason);
        }
    }

    /** The duration in nanoseconds; one too long for a long (about 292 years) is no bound at all. */
    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** The model-call bound was reached before a cycle could call the model. */
    private static final class CallLimitReached extends Exception {
        CallLimitReached() {
            super(null, null, false, false);
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
        private TraceWriter trace;
        private CheckpointStore checkpoints;
        private Duration checkpointInterval = Duration.ofSeconds(5);

        private Builder() {}

        /** The model (required). */
        public Builder processor(Processor processor) { this.processor = processor; return this; }

        /** A prompt cache; answers that do not parse are never stored. Default none. */
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
         * How many more times a failed cycle is tried: a transient model error (5xx, timeout) or
         * output that does not parse or apply (asked of the model again, not the cache). Default 0: stop.
         */
        public Builder retries(int retries) {
            if (retries < 0) throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
            this.retries = retries;
            return this;
        }

        public Builder listener(CycleListener listener) { listeners.add(Objects.requireNonNull(listener)); return this; }

        /** A JSON Lines trace, written first of all listeners; its position goes into checkpoints. */
        public Builder trace(TraceWriter trace) { this.trace = trace; return this; }

        /** Saves a checkpoint every {@code interval} and when the run ends, whatever the reason. */
        public Builder checkpoints(CheckpointStore store, Duration interval) {
            this.checkpoints = Objects.requireNonNull(store);
            this.checkpointInterval = Objects.requireNonNull(interval);
            return this;
        }

        public Machine build() {
            return new Machine(this);
        }
    }
}
