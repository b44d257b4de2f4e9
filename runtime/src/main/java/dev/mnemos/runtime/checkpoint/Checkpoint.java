package dev.mnemos.runtime.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.runtime.memory.Memory;

import java.util.Map;

/**
 * A run's state after a completed cycle: its counters, its memory, and the sections that the
 * run's other parts saved with it (a verifier's reference configuration, say), by name.
 */
public record Checkpoint(Progress progress, Memory.Snapshot memory, Map<String, JsonNode> sections) {

    public Checkpoint {
        sections = Map.copyOf(sections);
    }

    public Checkpoint(Progress progress, Memory.Snapshot memory) {
        this(progress, memory, Map.of());
    }

    /** The section saved under {@code name}, or null. */
    public JsonNode section(String name) {
        return sections.get(name);
    }
}
