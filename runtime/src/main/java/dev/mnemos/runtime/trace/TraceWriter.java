package dev.mnemos.runtime.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mnemos.runtime.cache.PromptHash;
import dev.mnemos.runtime.cycle.CycleEvent;
import dev.mnemos.runtime.cycle.Journal;
import dev.mnemos.runtime.memory.Change;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one JSON object per cycle (JSON Lines) and flushes it, so a run that is killed leaves a
 * valid trace up to its last completed cycle. Fields: {@code step}, {@code state}, the program's
 * own {@link TraceFields} (utm: {@code head}, {@code symbol}), {@code promptHash}, {@code prompt}
 * (optional), {@code raw}, {@code instruction}, {@code changes} (label to new value, null for
 * removed), {@code latencyMs}, {@code inputTokens}, {@code outputTokens}, {@code cacheHit},
 * {@code attempts} (requests sent for the cycle, retries included).
 */
public final class TraceWriter implements Journal, AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final OutputStream out;
    private final boolean includePrompt;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private long position;
    private TraceFields fields = (event, line) -> {};

    private TraceWriter(Path file, OutputStream out, long position, boolean includePrompt) {
        this.file = file;
        this.out = out;
        this.position = position;
        this.includePrompt = includePrompt;
    }

    /** A new trace, replacing any file there. */
    public static TraceWriter create(Path file, boolean includePrompt) throws IOException {
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        return new TraceWriter(file, out, 0, includePrompt);
    }

    /**
     * Continues a trace after {@code position} bytes: whatever follows (cycles after a checkpoint
     * that a resume replays, or a line cut short) is cut off first.
     */
    public static TraceWriter append(Path file, long position, boolean includePrompt) throws IOException {
        try (var ch = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
            ch.truncate(position);
        }
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new TraceWriter(file, out, position, includePrompt);
    }

    /** Adds a program's own fields to every line from now on (after {@code state}). */
    public TraceWriter fields(TraceFields fields) {
        this.fields = java.util.Objects.requireNonNull(fields);
        return this;
    }

    public Path file() {
        return file;
    }

    /** Bytes written so far, all of them whole lines. */
    @Override
    public long position() {
        return position;
    }

    @Override
    public void onCycle(CycleEvent e) {
        line.reset();
        try (JsonGenerator g = JSON.createGenerator(line, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("step", e.step());
            g.writeStringField("state", e.state());
            fields.write(e, g);
            g.writeStringField("promptHash", PromptHash.hex(e.prompt()));
            if (includePrompt) g.writeStringField("prompt", e.prompt());
            g.writeStringField("raw", e.answer().text());
            g.writeStringField("instruction", e.instruction().toString());
            g.writeObjectFieldStart("changes");
            for (Change c : e.changes()) {
                Object v = c.after();
                if (v == null) g.writeNullField(c.label());
                else if (v instanceof Long l) g.writeNumberField(c.label(), l);
                else g.writeStringField(c.label(), (String) v);
            }
            g.writeEndObject();
            g.writeNumberField("latencyMs", e.latencyNanos() / 1e6);
            g.writeNumberField("inputTokens", e.answer().inputTokens());
            g.writeNumberField("outputTokens", e.answer().outputTokens());
            g.writeBooleanField("cacheHit", e.cacheHit());
            g.writeNumberField("attempts", e.attempts());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        line.write('\n');
        try {
            line.writeTo(out);
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the trace " + file + ": " + ex.getMessage(), ex);
        }
        position += line.size();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
