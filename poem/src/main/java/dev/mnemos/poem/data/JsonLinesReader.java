package dev.mnemos.poem.data;

import dev.mnemos.runtime.json.JsonErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a data set from JSON Lines: one object per line with {@code input}, {@code output} and,
 * optionally, {@code split} ({@code train} or {@code test}). Blank lines are skipped. Either every
 * line has a split or none has, in which case the examples are split at random by a ratio.
 * Errors name the file and line.
 */
public final class JsonLinesReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final double ratio;
    private final long seed;
    private final boolean whole;

    /** @param ratio share of examples used for training when lines carry no split; @param seed for that split */
    public JsonLinesReader(double ratio, long seed) {
        this(ratio, seed, false);
    }

    private JsonLinesReader(double ratio, long seed, boolean whole) {
        this.ratio = ratio;
        this.seed = seed;
        this.whole = whole;
    }

    /**
     * A reader of an example pool (an application's, not an experiment's): lines with a split give
     * their train split; lines without one are all train, in the file's order.
     */
    public static JsonLinesReader pool() {
        return new JsonLinesReader(1, 0, true);
    }

    public Dataset read(Path file) throws IOException {
        return read(file, List.of());
    }

    /** Reads the file; with {@code labels} given, an output outside them is an error naming its line. */
    public Dataset read(Path file, List<String> labels) throws IOException {
        List<Example> train = new ArrayList<>(), test = new ArrayList<>(), unsplit = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int withSplit = 0, withoutSplit = 0;
        {
            int number = 0;
            for (String line : utf8Lines(file)) {
                number++;
                if (line.isBlank()) continue;
                String where = file + ":" + number;
                JsonNode node = parse(line, file, number);
                Example example = new Example(text(node, "input", where), text(node, "output", where));
                if (!labels.isEmpty() && !labels.contains(example.output())) {
                    throw new DataException(where + ": output \"" + preview(example.output()) + "\" is not one of the task's labels " + labels);
                }
                Integer earlier = firstLine.putIfAbsent(example.input(), number);
                if (earlier != null) {
                    throw new DataException(where + ": the same input as line " + earlier + " (\"" + preview(example.input()) + "\")");
                }
                JsonNode split = node.get("split");
                if (split == null || split.isNull()) {
                    withoutSplit++;
                    unsplit.add(example);
                } else {
                    withSplit++;
                    switch (split.asText()) {
                        case "train" -> train.add(example);
                        case "test" -> test.add(example);
                        default -> throw new DataException(where + ": split must be \"train\" or \"test\", got \"" + split.asText() + "\"");
                    }
                }
                if (withSplit > 0 && withoutSplit > 0) {
                    throw new DataException(where + ": some lines have a \"split\" and some do not; give it on every line or on none");
                }
            }
        }
        if (withSplit + withoutSplit == 0) throw new DataException(file + ": no examples");
        if (withSplit > 0) return new Dataset(train, test);
        return whole ? new Dataset(unsplit, List.of()) : Dataset.split(unsplit, ratio, seed);
    }

    /** The file's lines, decoded strictly: a line that is not UTF-8 (e.g. Latin-1) is an error naming it. */
    static List<String> utf8Lines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') end++;
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            try {
                lines.add(utf8.decode(java.nio.ByteBuffer.wrap(bytes, start, stop - start)).toString());
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new DataException(file + ":" + (lines.size() + 1) + ": not UTF-8 text (save the file as UTF-8; Latin-1 and"
                        + " Windows-1252 bytes such as \u00e9 written as one byte are not read)");
            }
            start = end + 1;
        }
        return lines;
    }

    private static JsonNode parse(String line, Path file, long number) {
        return object(JSON, line, file, number);
    }

    /** Line {@code number} of {@code file} as a JSON object, or a DataException naming FILE:LINE[:COLUMN]. */
    static JsonNode object(ObjectMapper json, String line, Path file, long number) {
        try {
            JsonNode node = json.readTree(line);
            if (node == null || !node.isObject()) throw new DataException(file + ":" + number + ": expected a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw new DataException(JsonErrors.message(file, number, e));
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) throw new DataException(where + ": missing \"" + field + "\"");
        if (!value.isTextual()) throw new DataException(where + ": \"" + field + "\" must be a string");
        if (value.asText().isBlank()) throw new DataException(where + ": \"" + field + "\" is empty");
        return value.asText();
    }

    private static String preview(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
