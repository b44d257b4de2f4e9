package dev.mnemos.utm.machine;

import dev.mnemos.runtime.json.JsonErrors;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.TreeSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Reading of the JSON file formats ({@link MachineFormat}, {@code bitag.BiTagFormat}): each
 * failure is an exception that {@code error} makes from a message naming the file or source.
 */
public final class JsonFile {

    /**
     * Duplicate keys are an error: a production or transition given twice must not be silently
     * replaced by the last. The tree is built from jackson-core's parser, without an ObjectMapper,
     * whose set-up costs a command's start about 40 ms; the tree is the one readTree gives.
     */
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonFile() {}

    /** The file's text; a missing or unreadable file fails naming it. */
    public static String read(Path file, Function<String, ? extends RuntimeException> error) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw error.apply(file + ": no such file");
        } catch (IOException e) {
            throw error.apply(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The file's name without {@code .json}: the default name of what it holds. */
    public static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /** The JSON tree of {@code json}; text that is not JSON fails naming {@code source}, line and column. */
    public static JsonNode tree(String json, String source, Function<String, ? extends RuntimeException> error) {
        try (JsonParser p = JSON.createParser(json)) {
            return p.nextToken() == null ? null : value(p);
        } catch (JsonProcessingException e) {
            throw error.apply(JsonErrors.message(source, e));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // (a String has no I/O)
        }
    }

    /** The value at the parser's current token, and what it holds. */
    private static JsonNode value(JsonParser p) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    o.set(key, value(p));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = nodes.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) a.add(value(p));
                return a;
            }
            case VALUE_STRING -> { return nodes.textNode(p.getText()); }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> nodes.numberNode(p.getIntValue());
                    case LONG -> nodes.numberNode(p.getLongValue());
                    default -> nodes.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> { return nodes.numberNode(p.getDoubleValue()); }
            case VALUE_TRUE -> { return nodes.booleanNode(true); }
            case VALUE_FALSE -> { return nodes.booleanNode(false); }
            case VALUE_NULL -> { return nodes.nullNode(); }
            default -> throw new IllegalStateException("unexpected " + p.currentToken()); // the parser checks the grammar
        }
    }

    /** A string as a JSON string literal, quotes included. */
    public static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** Fails on the first key of {@code object} that is not one of {@code known}. */
    public static void checkKeys(JsonNode object, Set<String> known, Function<String, ? extends RuntimeException> error) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) throw error.apply("unknown key '" + key + "'; known: " + new TreeSet<>(known));
        }
    }
}
