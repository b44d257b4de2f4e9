package dev.mnemos.runtime.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.runtime.cycle.CheckpointSink;
import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.io.AtomicFiles;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.memory.MemoryFile;
import dev.mnemos.runtime.memory.MemoryFileException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Saves and loads checkpoints: a JSON file holding the run's counters, its trace position and
 * its memory in the memory-file form. Replaced atomically on every save.
 */
public final class CheckpointStore implements CheckpointSink {

    static final String FORMAT = "mnemos-checkpoint";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

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
        byte[] bytes = JSON.writeValueAsBytes(root);
        AtomicFiles.write(file, bytes);
    }

    public Checkpoint load() throws MemoryFileException {
        JsonNode root = MemoryFile.readJson(file);
        if (!root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new MemoryFileException(file + ": not a mnemos checkpoint (no \"format\": \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new MemoryFileException(file + ": checkpoint version " + root.path("version") + " is not supported (this build reads " + VERSION + ")");
        }
        JsonNode p = root.get("progress");
        if (p == null || !p.isObject() || !p.path("cycles").canConvertToLong()) {
            throw new MemoryFileException(file + ": the checkpoint has no \"progress\" counters");
        }
        Progress progress = new Progress(p.path("cycles").asLong(), p.path("modelCalls").asLong(),
                p.path("cacheHits").asLong(), p.path("tracePosition").asLong(-1));
        Memory memory = MemoryFile.fromJson(root, file.toString());
        return new Checkpoint(progress, memory.snapshot());
    }
}
