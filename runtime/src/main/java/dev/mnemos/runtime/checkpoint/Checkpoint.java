package dev.mnemos.runtime.checkpoint;

import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.runtime.memory.Memory;

/** A run's state after a completed cycle: its counters and its memory. */
public record Checkpoint(Progress progress, Memory.Snapshot memory) {}
