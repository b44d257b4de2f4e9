package dev.mnemos.utm.machine;

import dev.mnemos.runtime.json.JsonErrors;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
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

    /** Duplicate keys are an error: a production or transition given twice must not be silently replaced by the last. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

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
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw error.apply(JsonErrors.message(source, e));
        }
    }

    /** Fails on the first key of {@code object} that is not one of {@code known}. */
    public static void checkKeys(JsonNode object, Set<String> known, Function<String, ? extends RuntimeException> error) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) throw error.apply("unknown key '" + key + "'; known: " + new TreeSet<>(known));
        }
    }
}
