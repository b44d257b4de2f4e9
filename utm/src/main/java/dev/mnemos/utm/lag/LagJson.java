package dev.mnemos.utm.lag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.utm.machine.JsonFile;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our JSON format for Lag systems, where symbol names may be any width and are separated by spaces:
 * <pre>
 * { "name": "rotate", "description": "...",
 *   "rules": { "a b": "b a", "b a": "a" },
 *   "halt": ["h"],
 *   "queue": "a b a" }
 * </pre>
 * {@code rules} maps keys (two symbols) to values (zero or more); {@code halt} (optional) declares
 * symbols that may appear in values without any key reading them; {@code queue} (optional) is the
 * queue to start on. Errors name the file and the entry.
 */
public final class LagJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("name", "description", "rules", "halt", "queue");

    private LagJson() {}

    public static LagProgram read(Path file) {
        return parse(JsonFile.read(file, LagException::new), file.toString(), JsonFile.baseName(file));
    }

    public static LagProgram parse(String json, String source, String defaultName) {
        JsonNode root = JsonFile.tree(json, source, LagException::new);
        if (root == null || !root.isObject()) throw new LagException(source + ": a Lag system is one JSON object");
        try {
            JsonFile.checkKeys(root, KEYS, LagException::new);
        } catch (LagException e) {
            throw new LagException(source + ": " + e.getMessage());
        }
        JsonNode name = root.get("name");
        LagSystem.Builder b = LagSystem.builder(name != null && name.isTextual() ? name.asText() : defaultName);
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isObject()) throw new LagException(source + ": 'rules' must be an object \"KEY1 KEY2\": \"VALUE...\"");
        for (Map.Entry<String, JsonNode> e : rules.properties()) {
            String where = source + ": rule '" + e.getKey() + "'";
            List<String> key = words(e.getKey());
            if (key.size() != 2) throw new LagException(where + ": a key is two symbols separated by a space, got " + key.size());
            if (!e.getValue().isTextual()) throw new LagException(where + ": the value must be a string of symbols, got " + e.getValue());
            try {
                b.rule(key.get(0), key.get(1), words(e.getValue().asText()), where);
            } catch (LagException x) {
                throw x.getMessage().startsWith(where) ? x : new LagException(where + ": " + x.getMessage());
            }
        }
        halts(root.get("halt"), b, source);
        LagSystem system = b.build();
        JsonNode queue = root.get("queue");
        if (queue == null) return new LagProgram(system, new int[0]);
        if (!queue.isTextual()) throw new LagException(source + ": 'queue' must be a string of symbols");
        return new LagProgram(system, system.parseQueue(queue.asText(), source + ": queue"));
    }

    private static void halts(JsonNode halt, LagSystem.Builder b, String source) {
        if (halt == null) return;
        if (!halt.isArray()) throw new LagException(source + ": 'halt' must be an array of symbols");
        for (JsonNode h : halt) {
            if (!h.isTextual() || words(h.asText()).size() != 1) throw new LagException(source + ": halt symbol " + h + " is not one symbol");
            b.halt(h.asText().strip());
        }
    }

    private static List<String> words(String text) {
        String t = text.strip();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }

    /** The program in this format; symbols separated by spaces. */
    public static String toJson(LagProgram program) {
        LagSystem s = program.system();
        ObjectNode root = JSON.createObjectNode();
        root.put("name", s.name());
        ObjectNode rules = root.putObject("rules");
        for (Rule r : s.rules()) rules.put(spaced(s, new int[] {r.first(), r.second()}), spaced(s, r.value()));
        if (!s.haltSymbols().isEmpty()) {
            ArrayNode halt = root.putArray("halt");
            for (int h : s.haltSymbols()) halt.add(s.symbol(h));
        }
        if (program.hasQueue()) root.put("queue", spaced(s, program.queue()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String spaced(LagSystem s, int[] syms) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < syms.length; k++) {
            if (k > 0) sb.append(' ');
            sb.append(s.symbol(syms[k]));
        }
        return sb.toString();
    }
}
