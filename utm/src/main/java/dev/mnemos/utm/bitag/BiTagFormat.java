package dev.mnemos.utm.bitag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.utm.machine.JsonFile;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The bi-tag program file (JSON), as the spec fixes it:
 * <pre>
 * { "q": 2, "h": 2,
 *   "productions": { "e1 a1": "a2 e1", "e1 a2": "a1 a1 e2" },
 *   "word": "e1 a1 a2" }
 * </pre>
 * Optional {@code name} and {@code description}. Errors name the file and the entry at fault.
 */
public final class BiTagFormat {

    /** For writing (a checkpoint's section): made when first needed, since reading needs none. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final Set<String> KEYS = Set.of("name", "description", "q", "h", "productions", "word");

    private BiTagFormat() {}

    public static BiTagProgram read(Path file) {
        return parse(JsonFile.read(file, BiTagException::new), file.toString(), JsonFile.baseName(file));
    }

    /** Parses a program; {@code source} prefixes error messages. */
    public static BiTagProgram parse(String json, String source, String defaultName) {
        JsonNode root = JsonFile.tree(json, source, BiTagException::new);
        try {
            return fromTree(root, defaultName);
        } catch (BiTagException e) {
            throw new BiTagException(source + ": " + e.getMessage());
        }
    }

    private static BiTagProgram fromTree(JsonNode root, String defaultName) {
        if (root == null || !root.isObject()) throw new BiTagException("a bi-tag program is one JSON object");
        JsonFile.checkKeys(root, KEYS, BiTagException::new);
        int q = positive(root, "q");
        int h = positive(root, "h");
        JsonNode prods = root.get("productions");
        if (prods == null || !prods.isObject()) throw new BiTagException("'productions' must be an object \"ej ai\" -> right side");
        Map<String, Word> productions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = prods.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getValue().isTextual()) {
                throw new BiTagException("production '" + p.getKey() + "': the right side must be a string, got " + p.getValue());
            }
            Word rhs = Word.parse(p.getValue().asText());
            if (rhs == null) {
                throw new BiTagException("production '" + p.getKey() + "' -> '" + p.getValue().asText()
                        + "': not a list of symbols a<k>/e<m>");
            }
            productions.put(p.getKey(), rhs);
        }
        BiTagSystem system = new BiTagSystem(q, h, productions);
        JsonNode w = root.get("word");
        if (w == null || !w.isTextual()) throw new BiTagException("'word' must be a string such as \"e1 a1\"");
        Word word = Word.parse(w.asText());
        if (word == null) throw new BiTagException("word '" + w.asText() + "': not a list of symbols a<i>/e<j>");
        JsonNode name = root.get("name");
        return new BiTagProgram(name != null && name.isTextual() ? name.asText() : defaultName, system, word);
    }

    private static int positive(JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
            throw new BiTagException("'" + key + "' must be a positive integer, got " + n);
        }
        return n.asInt();
    }

    /** The program as JSON in the file format. */
    public static String toJson(BiTagProgram program) {
        ObjectMapper json = Json.MAPPER;
        ObjectNode root = json.createObjectNode();
        root.put("name", program.name());
        root.put("q", program.system().q());
        root.put("h", program.system().h());
        ObjectNode prods = root.putObject("productions");
        program.system().productions().forEach((k, v) -> prods.put(k, v.toString()));
        root.put("word", program.word().toString());
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
