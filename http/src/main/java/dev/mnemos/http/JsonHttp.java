package dev.mnemos.http;

import dev.mnemos.runtime.model.ModelErrors;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts a JSON body to a model server and returns the body of a 2xx answer. The whole exchange,
 * streamed bodies included, must finish within the configured timeout. Every failure becomes a
 * {@link ModelException} through {@link ModelErrors}.
 */
final class JsonHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ProcessorConfig config;
    private final Map<String, String> headers;
    private final HttpClient client;

    JsonHttp(ProcessorConfig config, Map<String, String> headers) {
        this.config = config;
        this.headers = Map.copyOf(headers);
        Duration connect = config.timeout().compareTo(MAX_CONNECT_TIMEOUT) < 0 ? config.timeout() : MAX_CONNECT_TIMEOUT;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .build();
    }

    /** Sends {@code body} to {@code url}; returns the response body of a 2xx status. */
    String post(String url, JsonNode body) throws ModelException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response = await(pending);
        if (response.statusCode() / 100 != 2) {
            throw ModelErrors.http(response.statusCode(), response.body(), config);
        }
        return response.body();
    }

    /** Parses one JSON document of a server's answer. */
    JsonNode parse(String text) throws ModelException {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw ModelErrors.badResponse(config, "expected a JSON object, got: " + text, null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ModelErrors.badResponse(config, "not valid JSON: " + text, e);
        }
    }

    private HttpResponse<String> await(CompletableFuture<HttpResponse<String>> pending) throws ModelException {
        try {
            return pending.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw ModelErrors.timeout(config, e);
        } catch (ExecutionException e) {
            throw ModelErrors.translate(e.getCause(), config);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.TIMEOUT,
                    "the call to " + ModelErrors.where(config) + " was interrupted", e);
        }
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }
}
