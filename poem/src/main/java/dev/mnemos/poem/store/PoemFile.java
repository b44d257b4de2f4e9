package dev.mnemos.poem.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.Aggregate;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.SavedIndex;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.train.TrainingLog;
import dev.mnemos.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A POEM memory in one file: settings, task, example pool, training log, and the episodes.
 *
 * <pre>
 * "MNEMOS-POEM-MEMORY"  magic, 18 bytes
 * int                   format version (2; version 1 files still load)
 * int, bytes            header: UTF-8 JSON with settings, task, pool, finished queries, per-order stats,
 *                       the model whose answers earned the rewards ("model", since this build; optional);
 *                       since version 2 the read settings are a section of their own:
 *                       "read": {"k": 30, "weighting": "SIMILARITY", "aggregate": "MEAN", "tuned": true}
 *                       (version 1 had k and weighting at the top and always summed)
 * int, floats           distinct states (count, then dimension floats each)
 * int, entries          episodes oldest first: state number, order index, reward, time
 * long                  CRC-32 of everything before it
 * </pre>
 *
 * Saving writes a temporary file and renames it over the old one, so a crash leaves the old file.
 * Loading a file that is not a POEM memory, of another version, truncated or altered raises
 * {@link FormatException} naming the file: never a silently empty memory.
 *
 * <p>A memory that reads through a graph index has it saved beside the file ({@link IndexFile},
 * {@code m.poem.index}); loading takes it when it belongs to this very file and otherwise builds
 * the graph again, with a one-line note.
 */
public final class PoemFile {

    public static final int VERSION = 2;
    /** The oldest version this build reads. */
    public static final int OLDEST_VERSION = 1;
    private static final byte[] MAGIC = "MNEMOS-POEM-MEMORY".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private PoemFile() {}

    /** What the file holds. */
    public record Contents(MemorySettings settings, Task task, List<Example> pool, EpisodicMemory memory, TrainingLog log) {}

    /**
     * Writes the memory file and, when the memory reads through a graph, the graph beside it
     * ({@code file.index}, see {@link IndexFile}), both taken at one moment.
     */
    public static void save(Path file, Contents c) throws IOException {
        EpisodicMemory.Snapshot snapshot = c.memory().snapshot();
        long checksum = write(file, c, snapshot.episodes());
        if (snapshot.graph().isPresent()) IndexFile.save(file, checksum, Files.size(file), snapshot.graph().get());
        else IndexFile.remove(file);
    }

    /** Writes the memory file; returns its checksum. */
    private static long write(Path file, Contents c, List<Episode> episodes) throws IOException {
        Map<float[], Integer> stateNumber = new IdentityHashMap<>();
        List<float[]> states = new ArrayList<>();
        for (Episode e : episodes) {
            stateNumber.computeIfAbsent(e.state(), s -> {
                states.add(s);
                return states.size() - 1;
            });
        }
        byte[] header = JSON.writeValueAsBytes(header(c));
        long[] checksum = new long[1];
        AtomicFiles.write(file, raw -> {
            CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(header.length);
            out.write(header);
            out.writeInt(states.size());
            for (float[] s : states) { // a state at a time: the checksum then runs over blocks, not byte by byte
                ByteBuffer bytes = ByteBuffer.allocate(4 * s.length);
                bytes.asFloatBuffer().put(s);
                out.write(bytes.array());
            }
            out.writeInt(episodes.size());
            for (Episode e : episodes) {
                out.writeInt(stateNumber.get(e.state()));
                out.writeInt(e.action().index());
                out.writeDouble(e.reward());
                out.writeLong(e.time());
            }
            out.flush();
            checksum[0] = checked.getChecksum().getValue();
            out.writeLong(checksum[0]);
            out.flush();
        });
        return checksum[0];
    }

    /** {@link #load(Path, Consumer)} with notes printed to standard error. */
    public static Contents load(Path file) throws IOException {
        return load(file, note -> System.err.println("note: " + note));
    }

    /**
     * Reads a memory file, and the graph index saved beside it when there is one for this very
     * file; a graph index that cannot be used is ignored, {@code note} says why in one line, and
     * the graph is built again from the states.
     */
    public static Contents load(Path file, Consumer<String> note) throws IOException {
        return load(file, note, EpisodicMemory.DEFAULT_EXACT_UP_TO);
    }

    /** As {@link #load(Path, Consumer)}, reading through a graph past {@code exactUpTo} distinct states. */
    static Contents load(Path file, Consumer<String> note, int exactUpTo) throws IOException {
        if (Files.isDirectory(file)) throw new FormatException(file + ": a directory, not a POEM memory file");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            Header header = readHeader(in, file);
            MemorySettings settings = settings(header.json(), header.version(), file);
            List<float[]> states = readStates(in, settings.dimension(), file);
            List<Episode> episodes = readEpisodes(in, states, settings.m(), file);
            long expected = checked.getChecksum().getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected) throw damaged(file, "checksum mismatch");
            if (raw.read() != -1) throw damaged(file, "extra bytes after the end");

            EpisodicMemory memory = EpisodicMemory.builder().dimension(settings.dimension()).read(settings.read())
                    .capacity(settings.capacity()).exactUpTo(exactUpTo).build();
            Optional<SavedIndex> graph = IndexFile.load(file, stored, Files.size(file), note);
            if (graph.isPresent()) memory.addAll(episodes, graph.get(), n -> note.accept(IndexFile.beside(file) + ": " + n));
            else memory.addAll(episodes);
            return new Contents(settings, task(header.json().path("task")), pool(header.json().path("pool"), file), memory, log(header.json(), settings.m()));
        } catch (EOFException e) {
            throw damaged(file, "it ends early");
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + ": no such memory file");
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw damaged(file, "bad header");
        }
    }

    /** The magic, the version and the JSON header. */
    private record Header(JsonNode json, int version) {}

    private static Header readHeader(DataInputStream in, Path file) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) throw new FormatException(file + ": not a POEM memory file");
        int version = in.readInt();
        if (version < OLDEST_VERSION || version > VERSION) {
            throw new FormatException(file + ": POEM memory format version " + version + "; this build reads versions "
                    + OLDEST_VERSION + " to " + VERSION);
        }
        int headerLength = in.readInt();
        if (headerLength < 2 || headerLength > 1 << 30) throw damaged(file, "header length " + headerLength);
        return new Header(JSON.readTree(in.readNBytes(headerLength)), version);
    }

    private static List<float[]> readStates(DataInputStream in, int d, Path file) throws IOException {
        int stateCount = in.readInt();
        if (stateCount < 0) throw damaged(file, "state count " + stateCount);
        List<float[]> states = new ArrayList<>();
        byte[] bytes = new byte[4 * d]; // a state at a time: the checksum then runs over blocks, not byte by byte
        for (int i = 0; i < stateCount; i++) {
            in.readFully(bytes);
            float[] s = new float[d];
            ByteBuffer.wrap(bytes).asFloatBuffer().get(s);
            for (int j = 0; j < d; j++) {
                if (!Float.isFinite(s[j])) throw damaged(file, "state " + (i + 1) + " holds " + s[j]);
            }
            states.add(s);
        }
        return states;
    }

    private static List<Episode> readEpisodes(DataInputStream in, List<float[]> states, int m, Path file) throws IOException {
        int episodeCount = in.readInt();
        if (episodeCount < 0) throw damaged(file, "episode count " + episodeCount);
        List<Episode> episodes = new ArrayList<>(); // not sized by the count: it is not checked until the end
        int orders = Permutation.factorial(m);
        for (int i = 0; i < episodeCount; i++) {
            int state = in.readInt();
            int action = in.readInt();
            double reward = in.readDouble();
            long time = in.readLong();
            if (state < 0 || state >= states.size() || action < 0 || action >= orders) throw damaged(file, "episode " + (i + 1));
            if (!Double.isFinite(reward)) throw damaged(file, "episode " + (i + 1) + " has reward " + reward);
            episodes.add(new Episode(states.get(state), Permutation.fromIndex(m, action), reward, time));
        }
        return episodes;
    }

    private static FormatException damaged(Path file, String what) {
        return new FormatException(file + ": damaged POEM memory file (" + what + ")");
    }

    private static ObjectNode header(Contents c) {
        ObjectNode h = JSON.createObjectNode();
        MemorySettings s = c.settings();
        h.put("m", s.m()).put("capacity", s.capacity())
                .put("encoder", s.encoder()).put("dimension", s.dimension()).put("fallback", s.fallback().toString());
        h.putObject("read").put("k", s.read().k()).put("weighting", s.read().weighting().name())
                .put("aggregate", s.read().aggregate().name()).put("tuned", s.tuned());
        Task t = c.task();
        ObjectNode task = h.putObject("task");
        task.put("instruction", t.instruction()).put("example", t.example()).put("query", t.query())
                .put("separator", t.separator()).put("user", t.user());
        ArrayNode labels = task.putArray("labels");
        t.labels().forEach(labels::add);
        ArrayNode pool = h.putArray("pool");
        for (Example e : c.pool()) pool.addObject().put("input", e.input()).put("output", e.output());
        c.log().model().ifPresent(model -> h.put("model", model));
        ArrayNode finished = h.putArray("finished");
        c.log().finishedInOrder().forEach(finished::add);
        ArrayNode stats = h.putArray("orders");
        c.log().stats().forEach((order, st) -> stats.addObject().put("order", order.toString()).put("sum", st[0]).put("count", st[1]));
        return h;
    }

    private static MemorySettings settings(JsonNode h, int version, Path file) throws FormatException {
        for (String f : List.of("m", "capacity", "encoder", "dimension", "fallback")) {
            if (!h.has(f)) throw damaged(file, "no " + f + " in the header");
        }
        JsonNode r = version == 1 ? h : h.path("read"); // version 1: k and weighting at the top, always a sum
        for (String f : version == 1 ? List.of("k", "weighting") : List.of("k", "weighting", "aggregate", "tuned")) {
            if (!r.has(f)) throw damaged(file, "no " + (version == 1 ? "" : "read.") + f + " in the header");
        }
        ReadSettings read = new ReadSettings(r.get("k").asInt(), Weighting.valueOf(r.get("weighting").asText()),
                version == 1 ? Aggregate.SUM : Aggregate.valueOf(r.get("aggregate").asText()));
        MemorySettings s = new MemorySettings(h.get("m").asInt(), read, version > 1 && r.get("tuned").asBoolean(), h.get("capacity").asInt(),
                h.get("encoder").asText(), h.get("dimension").asInt(), Permutation.parse(h.get("fallback").asText()));
        if (s.m() < 1 || s.m() > Permutation.MAX_SIZE || s.capacity() < 1 || s.dimension() < 1
                || s.fallback().size() != s.m()) {
            throw damaged(file, "bad header");
        }
        return s;
    }

    private static Task task(JsonNode t) {
        List<String> labels = new ArrayList<>();
        t.path("labels").forEach(l -> labels.add(l.asText()));
        return new Task(t.path("instruction").asText(), t.path("example").asText(), t.path("query").asText(),
                t.path("separator").asText(), t.path("user").asText(), labels);
    }

    private static List<Example> pool(JsonNode p, Path file) throws FormatException {
        List<Example> pool = new ArrayList<>();
        for (JsonNode e : p) pool.add(new Example(e.path("input").asText(), e.path("output").asText()));
        if (pool.isEmpty()) throw damaged(file, "no example pool");
        return pool;
    }

    private static TrainingLog log(JsonNode h, int m) {
        List<String> finished = new ArrayList<>();
        h.path("finished").forEach(f -> finished.add(f.asText()));
        Map<Permutation, double[]> stats = new HashMap<>();
        for (JsonNode o : h.path("orders")) {
            Permutation p = Permutation.parse(o.path("order").asText());
            if (p.size() != m) throw new IllegalArgumentException("order of the wrong size");
            stats.put(p, new double[] {o.path("sum").asDouble(), o.path("count").asDouble()});
        }
        TrainingLog log = new TrainingLog();
        log.addAll(finished, stats);
        if (h.hasNonNull("model")) log.model(h.get("model").asText());
        return log;
    }
}
