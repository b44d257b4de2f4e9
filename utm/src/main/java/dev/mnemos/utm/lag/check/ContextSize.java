package dev.mnemos.utm.lag.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The context size an Ollama server reports for a model ({@code POST /api/show}): the
 * {@code num_ctx} of its parameters when set, else the model's {@code *.context_length}. Empty when
 * the server does not say (or cannot be asked: the first model call will report why).
 */
public final class ContextSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Characters per token assumed for a dictionary prompt (short mixed-case symbols tokenise poorly). */
    public static final int CHARS_PER_TOKEN = 3;

    private ContextSize() {}

    public static OptionalInt ollama(String baseUrl, String model, Duration timeout) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/api/show"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("model", model).toString()))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) return OptionalInt.empty();
            return fromShow(JSON.readTree(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        } catch (Exception e) {
            return OptionalInt.empty();
        }
    }

    /** The context size in an {@code /api/show} answer. */
    static OptionalInt fromShow(JsonNode show) {
        if (show == null || !show.isObject()) return OptionalInt.empty();
        JsonNode params = show.get("parameters");
        if (params != null && params.isTextual()) {
            for (String line : params.asText().split("\n")) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length == 2 && parts[0].equals("num_ctx") && parts[1].matches("\\d{1,9}")) return OptionalInt.of(Integer.parseInt(parts[1]));
            }
        }
        JsonNode info = show.get("model_info");
        if (info != null && info.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = info.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().endsWith(".context_length") && e.getValue().canConvertToInt()) return OptionalInt.of(e.getValue().asInt());
            }
        }
        return OptionalInt.empty();
    }

    /** The tokens a prompt of {@code chars} characters is assumed to take. */
    public static int estimatedTokens(int chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
