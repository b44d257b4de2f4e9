package dev.mnemos.utm.machine;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the machine file format (JSON):
 * <pre>
 * { "name": "binary increment",
 *   "symbols": ["0", "1"], "blank": "0", "start": "right",
 *   "transitions": {
 *     "right": { "0": "0 L carry", "1": "1 R right" },
 *     "carry": { "0": "1 L done",  "1": "0 L carry" },
 *     "done":  { "0": "halt",      "1": "halt" } } }
 * </pre>
 * States are the keys of {@code transitions}, in order. An action is {@code "<write> <L|R> <next>"}
 * or {@code "halt"}. {@code blank} defaults to the first symbol, {@code start} to the first state,
 * {@code name} to the file name. Errors name the file and the entry at fault.
 */
public final class MachineFormat {

    private static final Set<String> KEYS = Set.of("name", "description", "symbols", "blank", "start", "transitions");

    private MachineFormat() {}

    /** Reads a machine file. */
    public static TuringMachine read(Path file) {
        return parse(JsonFile.read(file, MachineException::new), file.toString(), JsonFile.baseName(file));
    }

    /**
     * Parses a machine from JSON text; {@code source} prefixes error messages, {@code defaultName}
     * is the name when the file gives none.
     */
    public static TuringMachine parse(String json, String source, String defaultName) {
        JsonNode root = JsonFile.tree(json, source, MachineException::new);
        try {
            return fromTree(root, defaultName);
        } catch (MachineException e) {
            throw new MachineException(source + ": " + e.getMessage());
        }
    }

    private static TuringMachine fromTree(JsonNode root, String defaultName) {
        if (root == null || !root.isObject()) throw new MachineException("a machine file is one JSON object");
        JsonFile.checkKeys(root, KEYS, MachineException::new);
        TuringMachine.Builder b = TuringMachine.builder().name(text(root, "name", defaultName));
        JsonNode symbols = root.get("symbols");
        if (symbols == null || !symbols.isArray()) throw new MachineException("'symbols' must be an array of strings");
        List<String> names = new ArrayList<>();
        for (JsonNode s : symbols) {
            if (!s.isTextual()) throw new MachineException("symbol " + s + " is not a string");
            names.add(s.asText());
        }
        b.symbols(names);
        b.blank(text(root, "blank", null));
        b.start(text(root, "start", null));
        JsonNode transitions = root.get("transitions");
        if (transitions == null || !transitions.isObject()) {
            throw new MachineException("'transitions' must be an object: state -> symbol -> action");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = transitions.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> row = it.next();
            String state = row.getKey();
            if (!row.getValue().isObject()) {
                throw new MachineException("state '" + state + "': transitions must be an object symbol -> action");
            }
            b.state(state);
            for (Iterator<Map.Entry<String, JsonNode>> cells = row.getValue().properties().iterator(); cells.hasNext(); ) {
                Map.Entry<String, JsonNode> cell = cells.next();
                if (!cell.getValue().isTextual()) {
                    throw new MachineException("state '" + state + "', symbol '" + cell.getKey()
                            + "': action " + cell.getValue() + " is not a string");
                }
                b.on(state, cell.getKey(), cell.getValue().asText());
            }
        }
        return b.build();
    }

    private static String text(JsonNode root, String key, String dflt) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return dflt;
        if (!n.isTextual()) throw new MachineException("'" + key + "' must be a string, got " + n);
        return n.asText();
    }

    /** The machine as JSON in the file format, one line per state. */
    public static String toJson(TuringMachine m) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"name\": ").append(quote(m.name())).append(",\n");
        out.append("  \"symbols\": [");
        for (int y = 0; y < m.symbols().size(); y++) out.append(y == 0 ? "" : ", ").append(quote(m.symbols().get(y)));
        out.append("],\n");
        out.append("  \"blank\": ").append(quote(m.blank())).append(",\n");
        out.append("  \"start\": ").append(quote(m.start())).append(",\n");
        out.append("  \"transitions\": {\n");
        for (int s = 0; s < m.states().size(); s++) {
            String state = m.states().get(s);
            out.append("    ").append(quote(state)).append(": {");
            for (int y = 0; y < m.symbols().size(); y++) {
                String symbol = m.symbols().get(y);
                out.append(y == 0 ? " " : ", ").append(quote(symbol)).append(": ")
                        .append(quote(m.action(state, symbol).map(Action::toString).orElse("halt")));
            }
            out.append(" }").append(s + 1 < m.states().size() ? ",\n" : "\n");
        }
        return out.append("  }\n}\n").toString();
    }

    private static String quote(String s) {
        return JsonFile.quote(s);
    }
}
