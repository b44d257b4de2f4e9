package dev.mnemos.poem.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnemos.poem.action.Permutation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A log of feedback from production, JSON Lines: one episode per line,
 * {@code {"query": "The room was cold.", "order": "[3,1,4,2]", "reward": 1}}. The order is written
 * as {@code poem select} prints it (a string, brackets optional) or as a JSON array of ranks; the
 * reward is a finite number. Blank lines are skipped. The whole file is read and checked before
 * anything is returned, so a bad line costs nothing; errors name the file and line (and column for
 * malformed JSON) and the value at fault.
 */
public final class FeedbackLog {

    /** Decimals kept as written, so that a reward too large for a double is named as the line gives it. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private FeedbackLog() {}

    /** One line of the log; {@code where} is {@code FILE:LINE}. */
    public record Entry(String where, String query, Permutation order, double reward) {}

    /** Every episode of the file, in order. */
    public static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String line : JsonLinesReader.utf8Lines(file)) {
            number++;
            if (line.isBlank()) continue;
            String where = file + ":" + number;
            JsonNode node = JsonLinesReader.object(JSON, line, file, number);
            entries.add(new Entry(where, query(node, where), order(node.get("order"), where), reward(node.get("reward"), where)));
        }
        return entries;
    }

    private static String query(JsonNode node, String where) {
        JsonNode value = present(node.get("query"), "query", where);
        if (!value.isTextual()) throw new DataException(where + ": query " + shown(value) + " is not a string");
        if (value.asText().isBlank()) throw new DataException(where + ": query is empty");
        return value.asText();
    }

    /** {@code "[3,1,4,2]"} as select prints it, or {@code [3,1,4,2]}. */
    private static Permutation order(JsonNode value, String where) {
        present(value, "order", where);
        try {
            if (value.isTextual()) return Permutation.parse(value.asText());
            if (value.isArray()) {
                int[] ranks = new int[value.size()];
                for (int i = 0; i < ranks.length; i++) {
                    if (!value.get(i).isInt()) throw new IllegalArgumentException("not a rank: " + value.get(i));
                    ranks[i] = value.get(i).asInt();
                }
                return Permutation.of(ranks);
            }
        } catch (IllegalArgumentException e) {
            // said below, with the value as the line gives it
        }
        throw new DataException(where + ": order " + shown(value) + " is not an order of ranks 1..m, each once,"
                + " written as poem select prints it (\"[3,1,4,2]\")");
    }

    private static double reward(JsonNode value, String where) {
        present(value, "reward", where);
        if (!value.isNumber()) throw new DataException(where + ": reward " + shown(value) + " is not a number");
        double reward = value.asDouble();
        if (!Double.isFinite(reward)) throw new DataException(where + ": reward " + shown(value) + " is not a finite number");
        return reward;
    }

    private static JsonNode present(JsonNode value, String field, String where) {
        if (value == null || value.isNull()) throw new DataException(where + ": missing \"" + field + "\"");
        return value;
    }

    /** The value as the line writes it, cut to 40 characters. */
    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
