package dev.mnemos.runtime.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.runtime.cycle.CheckpointSink;
import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.io.AtomicFiles;
import dev.mnemos.runtime.memory.Labels;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.memory.MemoryFile;
import dev.mnemos.runtime.memory.MemoryFileException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Saves and loads checkpoints: a JSON file holding the run's counters, its trace position, its
 * memory in the memory-file form, and the sections other parts of the run attach
 * ({@link #section}). Replaced atomically on every save. Loading checks every field: a counter
 * that is not an integer from 0 to {@value #MAX_COUNT}, or a value of the wrong type, is a
 * {@link MemoryFileException} naming the file and the field.
 */
public final class CheckpointStore implements CheckpointSink {

    static final String FORMAT = "mnemos-checkpoint";
    static final int VERSION = 1;
    /** The largest counter a checkpoint may hold: 10^15 cycles is 40 years at a million cycles a second. */
    public static final long MAX_COUNT = 1_000_000_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Supplier<JsonNode>> sections = new LinkedHashMap<>();

    public CheckpointStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public void save(Progress progress, Memory.Snapshot memory) throws IOException {
        save(new Checkpoint(progress, memory));
    }

    @Override
    public String toString() {
        return file.toString();
    }

    /**
     * Saves {@code supplier}'s JSON under {@code name} with every checkpoint, taken at the moment
     * of the save (after the cycle the checkpoint records, every listener included).
     */
    public CheckpointStore section(String name, Supplier<JsonNode> supplier) {
        if (!Labels.isLabel(name)) throw new IllegalArgumentException("section name '" + name + "' is not in [A-Za-z0-9_-]+");
        sections.put(name, supplier);
        return this;
    }

    public void save(Checkpoint checkpoint) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION);
        Progress p = checkpoint.progress();
        root.putObject("progress")
                .put("cycles", p.cycles())
                .put("modelCalls", p.modelCalls())
                .put("cacheHits", p.cacheHits())
                .put("tracePosition", p.tracePosition());
        root.setAll(MemoryFile.toJson(Memory.of(checkpoint.memory())));
        ObjectNode saved = root.putObject("sections");
        checkpoint.sections().forEach(saved::set);
        sections.forEach((name, supplier) -> saved.set(name, supplier.get()));
        byte[] bytes = JSON.writeValueAsBytes(root);
        AtomicFiles.write(file, bytes);
    }

    public Checkpoint load() throws MemoryFileException {
        JsonNode root = MemoryFile.readJson(file);
        if (!root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new MemoryFileException(file + ": not a mnemos checkpoint (no \"format\": \"" + FORMAT + "\")");
        }
        if (!root.path("version").isInt() || root.path("version").asInt() != VERSION) {
            throw new MemoryFileException(file + ": checkpoint version " + root.path("version") + " is not supported (this build reads " + VERSION + ")");
        }
        JsonNode p = root.get("progress");
        if (p == null || !p.isObject()) throw new MemoryFileException(file + ": the checkpoint has no \"progress\" counters");
        long cycles = count(p, "cycles", 0);
        long cacheHits = count(p, "cacheHits", 0);
        if (cacheHits > cycles) throw new MemoryFileException(file + ": progress.cacheHits " + cacheHits + " exceeds progress.cycles " + cycles);
        Progress progress = new Progress(cycles, count(p, "modelCalls", 0), cacheHits, count(p, "tracePosition", -1));
        Memory memory = MemoryFile.fromJson(root, file.toString());
        return new Checkpoint(progress, memory.snapshot(), sections(root.get("sections")));
    }

    /** A counter from {@code min} to {@link #MAX_COUNT}, else an error naming the field and value. */
    private long count(JsonNode progress, String field, long min) throws MemoryFileException {
        JsonNode v = progress.get(field);
        if (v == null) throw new MemoryFileException(file + ": progress." + field + " is missing");
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > MAX_COUNT) {
            throw new MemoryFileException(file + ": progress." + field + " must be an integer from " + min + " to " + MAX_COUNT + ", got " + abbreviate(v.toString()));
        }
        return v.asLong();
    }

    private Map<String, JsonNode> sections(JsonNode node) throws MemoryFileException {
        if (node == null) return Map.of();
        if (!node.isObject()) throw new MemoryFileException(file + ": \"sections\" must be an object, got " + abbreviate(node.toString()));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
