package dev.mnemos.runtime.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnemos.io.FilePosition;
import dev.mnemos.runtime.json.JsonErrors;
import dev.mnemos.runtime.memory.BadLabelException;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Labels;
import dev.mnemos.runtime.memory.Memory;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Brings a memory from a checkpoint up to the last cycle a trace recorded: applies the
 * {@code changes} of every whole line after the checkpoint's trace position.
 */
public final class TraceReplay {

    private static final ObjectMapper JSON = dev.mnemos.runtime.memory.OwnFiles.mapper();

    private TraceReplay() {}

    /**
     * @param cycles   how many cycles were replayed
     * @param position the trace position after the last whole line (where writing goes on)
     * @param cacheHits  replayed cycles that the cache answered
     * @param modelCalls model calls the replayed cycles made
     */
    public record Result(long cycles, long position, long cacheHits, long modelCalls) {}

    /** Sees every replayed cycle, after its changes are applied to the memory. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param line    the trace line (promptHash, raw, ...)
         * @param changes what the line changed, with the values before
         * @throws IOException to refuse the replay (the message names the trace and line)
         */
        void replayed(long step, JsonNode line, List<Change> changes) throws IOException;
    }

    public static Result replay(Path trace, long position, long firstStep, Memory memory) throws IOException {
        return replay(trace, position, firstStep, memory, (step, line, changes) -> {});
    }

    /**
     * @param firstStep the step the line at {@code position} must record (the checkpoint's cycles):
     *                  a trace of another run is refused rather than replayed onto this memory
     */
    public static Result replay(Path trace, long position, long firstStep, Memory memory, Listener listener) throws IOException {
        long cycles = 0;
        long hits = 0;
        long calls = 0;
        long size = Files.size(trace);
        if (position > size) {
            throw new IOException(trace + " is shorter (" + size + " bytes) than the checkpoint says (" + position + ")");
        }
        // line by line: what follows a checkpoint can be far larger than memory allows at once
        try (InputStream in = new BufferedInputStream(Channels.newInputStream(
                FileChannel.open(trace, StandardOpenOption.READ).position(position)), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            long start = position;
            long at = position;
            for (int b = in.read(); b >= 0; b = in.read()) {
                at++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line.toString(StandardCharsets.UTF_8));
                } catch (JsonProcessingException e) {
                    throw new IOException(JsonErrors.message(trace, lineAt(trace, start), e));
                }
                if (node == null || !node.isObject()) throw bad(trace, start, "not a JSON object");
                long step = node.path("step").isIntegralNumber() ? node.path("step").asLong() : -1;
                if (step != firstStep + cycles) {
                    throw bad(trace, start, "step " + step + ", where the checkpoint (" + firstStep + " cycles) expects step "
                            + (firstStep + cycles) + ": not the trace this checkpoint was written with");
                }
                listener.replayed(step, node, apply(node, memory, trace, start));
                if (node.path("cacheHit").asBoolean(false)) hits++;
                calls += node.path("attempts").asLong(0);
                cycles++;
                line.reset();
                start = at;
            }
            return new Result(cycles, start, hits, calls);
        }
    }

    /** Checks every change first, then applies them all: a bad line changes nothing. */
    private static List<Change> apply(JsonNode node, Memory memory, Path trace, long at) throws IOException {
        JsonNode changes = node.get("changes");
        if (changes == null || !changes.isObject()) throw bad(trace, at, "no changes object");
        List<Change> out = new ArrayList<>(changes.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            String label = c.getKey();
            if (!Labels.isLabel(label)) throw bad(trace, at, new BadLabelException(label).getMessage());
            out.add(new Change(label, memory.get(label), value(c.getValue(), trace, at, label)));
        }
        for (Change c : out) memory.set(c.label(), c.after());
        return out;
    }

    private static Object value(JsonNode v, Path trace, long at, String label) throws IOException {
        try {
            return value(v, label);
        } catch (IllegalArgumentException e) {
            throw bad(trace, at, e.getMessage());
        }
    }

    /** The line starting at byte {@code offset} is bad: the error names its file and line ({@link FilePosition}). */
    private static IOException bad(Path trace, long offset, String what) throws IOException {
        return new IOException(FilePosition.message(trace, lineAt(trace, offset), what));
    }

    /** The number (from 1) of the line that starts at byte {@code offset}: counted only to report a bad line. */
    static long lineAt(Path trace, long offset) throws IOException {
        long line = 1, at = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(trace), 1 << 16)) {
            for (int b = in.read(); b >= 0 && at < offset; b = in.read(), at++) {
                if (b == '\n') line++;
            }
        }
        return line;
    }

    /**
     * A change's new value as a trace holds it: a string, an integer, or null (removed); anything
     * else is an IllegalArgumentException naming the label and value.
     */
    public static Object value(JsonNode v, String label) {
        if (v.isNull()) return null;
        if (v.isTextual()) return v.asText();
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.asLong();
        String shown = v.toString().length() > 40 ? v.toString().substring(0, 40) + "..." : v.toString();
        throw new IllegalArgumentException("changes." + label + " holds " + v.getNodeType().toString().toLowerCase()
                + " " + shown + "; a value is a string, an integer or null");
    }
}
