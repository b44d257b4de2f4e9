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

    /**
     * @param trace the run's trace, or null; after this call, continue it with
     *              {@code TraceWriter.append(trace, progress.tracePosition(), ...)}
     */
    public static Resume from(CheckpointStore store, Path trace) throws IOException {
        Checkpoint checkpoint = store.load();
        Memory memory = Memory.of(checkpoint.memory());
        Progress p = checkpoint.progress();
        if (trace == null || !Files.exists(trace) || p.tracePosition() < 0) {
            return new Resume(memory, p);
        }
        TraceReplay.Result replayed = TraceReplay.replay(trace, p.tracePosition(), p.cycles(), memory);
        return new Resume(memory, new Progress(p.cycles() + replayed.cycles(), p.modelCalls() + replayed.modelCalls(),
                p.cacheHits() + replayed.cacheHits(), replayed.position()));
    }
}
