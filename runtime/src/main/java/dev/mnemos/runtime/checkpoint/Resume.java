package dev.mnemos.runtime.checkpoint;

import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.trace.TraceReplay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an interrupted run goes on: the checkpoint's memory and counters, brought up to the last
 * cycle its trace recorded when there is a trace (so a run killed between checkpoints loses no
 * completed cycle).
 */
public record Resume(Memory memory, Progress progress) {

    /** What a run restores from a checkpoint besides memory: sees the checkpoint, then every cycle replayed from the trace. */
    @FunctionalInterface
    public interface Hook {
        /**
         * @param memory the checkpoint's memory, before the trace is replayed onto it
         * @return what sees each replayed cycle
         * @throws IOException to refuse the checkpoint (the message names the file and field)
         */
        TraceReplay.Listener restore(Checkpoint checkpoint, Memory memory) throws IOException;
    }

    /**
     * @param trace the run's trace, or null; after this call, continue it with
     *              {@code TraceWriter.append(trace, progress.tracePosition(), ...)}
     */
    public static Resume from(CheckpointStore store, Path trace) throws IOException {
        return from(store, trace, (checkpoint, memory) -> (step, line, changes) -> {});
    }

    /** As {@link #from(CheckpointStore, Path)}, with {@code hook} restoring the rest of the run. */
    public static Resume from(CheckpointStore store, Path trace, Hook hook) throws IOException {
        Checkpoint checkpoint = store.load();
        Memory memory = Memory.of(checkpoint.memory());
        Progress p = checkpoint.progress();
        TraceReplay.Listener listener = hook.restore(checkpoint, memory);
        if (trace == null || !Files.exists(trace) || p.tracePosition() < 0) {
            return new Resume(memory, p);
        }
        TraceReplay.Result replayed = TraceReplay.replay(trace, p.tracePosition(), p.cycles(), memory, listener);
        return new Resume(memory, new Progress(p.cycles() + replayed.cycles(), p.modelCalls() + replayed.modelCalls(),
                p.cacheHits() + replayed.cacheHits(), replayed.position()));
    }
}
