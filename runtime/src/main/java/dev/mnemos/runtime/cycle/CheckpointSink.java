package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Memory;

import java.io.IOException;

/** Where the machine saves its checkpoints (the {@code checkpoint} package's store is one). */
public interface CheckpointSink {

    /** Saves the run's counters and memory after a completed cycle, replacing the last checkpoint. */
    void save(Progress progress, Memory.Snapshot memory) throws IOException;
}
