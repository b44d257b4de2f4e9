package dev.mnemos.runtime.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Response bodies captured from a real llama.cpp server (test resources {@code llama-server/}, made by
 * {@code tools/llama-server/capture.py}): the OpenAI-compatible answers, plain and streamed, and errors.
 */
public final class LlamaServerBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LlamaServerBodies() {}

    /** A captured body as it was sent. */
    public static String raw(String name) {
        try (InputStream in = LlamaServerBodies.class.getClassLoader().getResourceAsStream("llama-server/" + name)) {
            if (in == null) throw new IllegalStateException("no captured body llama-server/" + name + " on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP status a captured error body came with ({@code NAME.status}), 200 for the others. */
    public static int status(String name) {
        try {
            return Integer.parseInt(raw(name + ".status").strip());
        } catch (IllegalStateException none) {
            return 200;
        }
    }

    /** A captured JSON body, a fresh copy each call. */
    public static JsonNode json(String name) {
        return parse(raw(name));
    }

    /** The JSON events of a captured event stream, without its closing {@code [DONE]}. */
    public static List<ObjectNode> events(String name) {
        List<ObjectNode> events = new ArrayList<>();
        for (String line : raw(name).split("\n")) {
            if (!line.startsWith("data: ") || line.equals("data: [DONE]")) continue;
            events.add((ObjectNode) parse(line.substring("data: ".length())));
        }
        return events;
    }

    /** The text a stream event carries: a completion's {@code text} or a chat's {@code delta.content}. */
    static String text(JsonNode event) {
        JsonNode choice = event.path("choices").path(0);
        return choice.has("delta") ? choice.path("delta").path("content").asText("") : choice.path("text").asText("");
    }

    static void setText(ObjectNode event, String text) {
        ObjectNode choice = (ObjectNode) event.path("choices").path(0);
        if (choice.has("delta")) ((ObjectNode) choice.path("delta")).put("content", text);
        else choice.put("text", text);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a captured body is not JSON: " + text, e);
        }
    }
}
