package dev.mnemos.utm.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mnemos.runtime.checkpoint.CheckpointStore;
import dev.mnemos.utm.machine.TuringMachine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the fields of a saved verifier, each checked, every error naming the file and field. */
final class VerifierJson {

    private final JsonNode node;
    private final String where;

    VerifierJson(JsonNode node, String where) throws IOException {
        if (node == null || !node.isObject()) throw new IOException(where + " must be an object");
        this.node = node;
        this.where = where;
    }

    IOException bad(String field, String problem) {
        JsonNode v = node.get(field);
        String shown = v == null ? "missing" : v.toString().length() > 40 ? v.toString().substring(0, 40) + "..." : v.toString();
        return new IOException(where + "." + field + " " + problem + " (" + shown + ")");
    }

    String text(String field) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw bad(field, "must be a string");
        return v.asText();
    }

    boolean bool(String field) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) throw bad(field, "must be true or false");
        return v.asBoolean();
    }

    long integer(String field, long min) throws IOException {
        JsonNode v = node.get(field);
        long max = CheckpointStore.MAX_COUNT;
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw bad(field, "must be an integer from " + min + " to " + max);
        }
        return v.asLong();
    }

    long count(String field) throws IOException {
        return integer(field, 0);
    }

    Long optionalCount(String field) throws IOException {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : count(field);
    }

    List<String> symbols(String field, TuringMachine machine) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) throw bad(field, "must be an array of symbols");
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode cell : v) {
            if (!cell.isTextual() || machine.symbolIndex(cell.asText()) < 0) {
                throw new IOException(where + "." + field + "[" + out.size() + "] " + cell + " is not a symbol of " + machine.name());
            }
            out.add(cell.asText());
        }
        return out;
    }
}
