package dev.mnemos.runtime.memory;

import dev.mnemos.runtime.json.JsonErrors;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A memory as a JSON file; a program is such a file whose values are prompts and data.
 * <pre>
 * {
 *   "blank": "0",                      optional, default "0"
 *   "memory": { "op": "...", "i": 0, "0": "1", ... }
 * }
 * </pre>
 * Values are strings or integers; labels match {@code [A-Za-z0-9_-]+}.
 */
public final class MemoryFile {

    static final ObjectMapper JSON = OwnFiles.mapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private MemoryFile() {}

    public static Memory load(Path file) throws MemoryFileException {
        JsonNode root = readJson(file);
        return fromJson(root, file.toString());
    }

    /** Reads a JSON file, turning every failure into one line that names the file, line and column. */
    public static JsonNode readJson(Path file) throws MemoryFileException {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new MemoryFileException(JsonErrors.message(file, e));
        } catch (NoSuchFileException e) {
            throw new MemoryFileException(file + ": no such file");
        } catch (IOException e) {
            if (!Files.exists(file)) throw new MemoryFileException(file + ": no such file");
            throw new MemoryFileException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** A memory from the JSON form above; {@code source} names it in errors. */
    public static Memory fromJson(JsonNode root, String source) throws MemoryFileException {
        if (root == null || !root.isObject()) throw new MemoryFileException(source + ": a memory file is a JSON object with a \"memory\" object");
        JsonNode blank = root.get("blank");
        if (blank != null && !blank.isTextual()) throw new MemoryFileException(source + ": \"blank\" must be a string");
        JsonNode values = root.get("memory");
        if (values == null || !values.isObject()) throw new MemoryFileException(source + ": missing the \"memory\" object of label -> value");
        Memory memory = new Memory(blank == null ? Memory.DEFAULT_BLANK : blank.asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String label = e.getKey();
            if (!Labels.isLabel(label)) {
                throw new MemoryFileException(source + ": label " + BadLabelException.quote(label) + " is not in the label alphabet [A-Za-z0-9_-]+");
            }
            JsonNode v = e.getValue();
            if (v.isTextual()) memory.put(label, v.asText());
            else if (v.isIntegralNumber() && v.canConvertToLong()) memory.put(label, v.asLong());
            else throw new MemoryFileException(source + ": label '" + label + "' holds " + v.getNodeType().toString().toLowerCase()
                    + " " + abbreviate(v.toString()) + "; a value is a string or an integer");
        }
        return memory;
    }

    /** The JSON form of a memory, labels sorted. */
    public static ObjectNode toJson(Memory memory) {
        ObjectNode root = JSON.createObjectNode();
        root.put("blank", memory.blank());
        ObjectNode values = root.putObject("memory");
        for (Map.Entry<String, Object> e : new TreeMap<>(memory.asMap()).entrySet()) {
            if (e.getValue() instanceof Long l) values.put(e.getKey(), l);
            else values.put(e.getKey(), (String) e.getValue());
        }
        return root;
    }

    /** Saves atomically: the file holds the old memory or the new one, never a mix. */
    public static void save(Memory memory, Path file) throws IOException {
        ObjectNode root = toJson(memory);
        AtomicFiles.write(file, out -> {
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                JSON.writeTree(g, root);
            }
        });
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
