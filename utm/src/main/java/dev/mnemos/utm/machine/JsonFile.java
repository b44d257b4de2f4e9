package dev.mnemos.utm.machine;

import dev.mnemos.runtime.json.JsonErrors;
import com.fasterxml.jackson.core.JsonLocation;
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

import dev.mnemos.io.FilePosition;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
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
     * whose set-up costs a command's start about 40 ms; the tree is the one readTree gives. (Made
     * when first needed: a plain file is read without it, see {@link PlainJson}.)
     */
    private static final class Jackson {
        static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    private JsonFile() {}

    /**
     * The file's text; a missing or unreadable file fails naming it, and text that is not UTF-8
     * fails naming the line where it stops being so. (The KEY:VALUE rule files read it so too.)
     */
    public static String read(Path file, Function<String, ? extends RuntimeException> error) {
        byte[] bytes;
        try {
            bytes = readBytes(file);
        } catch (NoSuchFileException e) {
            throw error.apply(file + ": no such file");
        } catch (IOException e) {
            throw error.apply(file + ": cannot read: " + e.getMessage());
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, (long) bytes.length + 1));
        CoderResult r = utf8.decode(in, out, true);
        if (!r.isError()) r = utf8.flush(out);
        if (r.isError()) throw error.apply(FilePosition.message(file, line(bytes, in.position()), "not UTF-8 text"));
        return out.flip().toString();
    }

    /**
     * The file's bytes, read with java.io: Files.readAllBytes sets NIO's channels up first, about
     * 1.6 ms of a command's start. A file java.io cannot read is read through Files, whose
     * exception says why in the words the messages have always used.
     */
    private static byte[] readBytes(Path file) throws IOException {
        if (file.getFileSystem() != FileSystems.getDefault()) return Files.readAllBytes(file); // (a zip's, say: no java.io.File)
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return in.readAllBytes();
        } catch (IOException e) {
            return Files.readAllBytes(file);
        }
    }

    /** The line (from 1) of byte {@code offset}. */
    private static long line(byte[] bytes, int offset) {
        long line = 1;
        for (int k = 0; k < offset && k < bytes.length; k++) if (bytes[k] == '\n') line++;
        return line;
    }

    /** The file's name without {@code .json}: the default name of what it holds. */
    public static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /**
     * The JSON tree of {@code json}, which must be one value and nothing after it but white space;
     * text that is not JSON, or more text after the value, fails naming {@code source}, line and column.
     */
    public static JsonNode tree(String json, String source, Function<String, ? extends RuntimeException> error) {
        JsonNode plain = PlainJson.tree(json);
        return plain != null ? plain : jacksonTree(json, source, error);
    }

    /** {@link #tree} read by jackson-core's parser: any JSON text, and the messages of text that is not JSON. */
    static JsonNode jacksonTree(String json, String source, Function<String, ? extends RuntimeException> error) {
        try (JsonParser p = Jackson.JSON.createParser(json)) {
            if (p.nextToken() == null) return null;
            JsonNode node = value(p);
            try {
                if (p.nextToken() != null) throw error.apply(after(source, p.currentTokenLocation()));
            } catch (JsonProcessingException e) {
                throw error.apply(after(source, e.getLocation()));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw error.apply(JsonErrors.message(source, e));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // (a String has no I/O)
        }
    }

    private static String after(String source, JsonLocation at) {
        return FilePosition.message(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                "text after the JSON object (a file holds one object and nothing after it)");
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
