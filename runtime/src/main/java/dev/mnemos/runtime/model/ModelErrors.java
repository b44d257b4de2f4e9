package dev.mnemos.runtime.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * Turns whatever a model call throws (a client's HTTP statuses, the JDK's network errors,
 * LangChain4j's exceptions) into a {@link ModelException} with a one-line message for people.
 * Every message names the server, its URL and the model, in the words of the config's backend
 * ({@link BackendHints}, from its provider); none holds a credential ({@link Secrets}).
 */
public final class ModelErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SERVER_TEXT = 300;

    private ModelErrors() {}

    /** Translates any failure of a call made with these settings. */
    public static ModelException translate(Throwable failure, ProcessorConfig config) {
        return scrubbed(translated(failure, config), config);
    }

    private static ModelException translated(Throwable failure, ProcessorConfig config) {
        if (failure instanceof ModelException me) return me;
        if (failure instanceof UncheckedModelException u) return u.getCause();
        HttpException http = find(failure, HttpException.class);
        if (http != null) return http(http.statusCode(), http.getMessage(), config, failure);
        if (find(failure, HttpConnectTimeoutException.class) != null) return unreachable(config, failure);
        if (isTimeout(failure)) return timeout(config, failure);
        if (isUnreachable(failure)) return unreachable(config, failure);
        JsonProcessingException json = find(failure, JsonProcessingException.class);
        if (json != null) return badResponse(config, "not valid JSON: " + json.getOriginalMessage(), failure);
        ModelException typed = fromLangChain4jType(failure, config);
        if (typed != null) return typed;
        IOException io = find(failure, IOException.class);
        if (io != null) {
            return new ModelException(ModelException.Kind.SERVER_ERROR,
                    "the connection to " + where(config) + " broke: " + summary(io), failure);
        }
        return badResponse(config, summary(rootCause(failure)), failure);
    }

    /** A non-2xx HTTP status with the body the server sent. */
    public static ModelException http(int status, String body, ProcessorConfig config) {
        return scrubbed(http(status, body, config, null), config);
    }

    private static ModelException http(int status, String body, ProcessorConfig config, Throwable cause) {
        String text = serverText(body);
        if (status == 404 && text.toLowerCase(Locale.ROOT).contains("model")) {
            return new ModelException(ModelException.Kind.MODEL_NOT_FOUND, modelNotFound(config, text), cause);
        }
        if (status == 404) {
            return new ModelException(ModelException.Kind.REJECTED, "HTTP 404 from " + where(config) + ": " + text
                    + "; check the base URL" + hints(config).basePathHint(), cause);
        }
        if (status == 408) {
            return new ModelException(ModelException.Kind.TIMEOUT,
                    "HTTP 408 from " + where(config) + ": the server timed out: " + text, cause);
        }
        if (status == 429 || status >= 500) {
            return new ModelException(ModelException.Kind.SERVER_ERROR,
                    "HTTP " + status + " from " + where(config) + ": " + text, cause);
        }
        if (status == 401 || status == 403) {
            return new ModelException(ModelException.Kind.REJECTED,
                    "HTTP " + status + " from " + where(config) + ": " + text + "; check the API key", cause);
        }
        if (status >= 400) {
            return new ModelException(ModelException.Kind.REJECTED,
                    "HTTP " + status + " from " + where(config) + " rejected the request: " + text, cause);
        }
        return badResponse(config, "unexpected HTTP status " + status + ": " + text, cause);
    }

    /** Nothing listens at the base URL. */
    public static ModelException unreachable(ProcessorConfig config, Throwable cause) {
        return scrubbed(new ModelException(ModelException.Kind.UNREACHABLE,
                "cannot reach " + where(config) + ": " + hints(config).unreachableFix(config), cause), config);
    }

    /** The call took longer than the configured timeout. */
    public static ModelException timeout(ProcessorConfig config, Throwable cause) {
        return new ModelException(ModelException.Kind.TIMEOUT, "no answer from " + where(config) + " within "
                + describe(config.timeout()) + "; raise the timeout or check the server's load", cause);
    }

    /** The server answered, but not in its protocol. */
    public static ModelException badResponse(ProcessorConfig config, String detail, Throwable cause) {
        return scrubbed(new ModelException(ModelException.Kind.BAD_RESPONSE,
                "unexpected answer from " + where(config) + ": " + bounded(detail), cause), config);
    }

    /** "Ollama at http://localhost:11434 (model llama3.2)". */
    public static String where(ProcessorConfig config) {
        StringBuilder s = new StringBuilder(hints(config).serverName());
        String url = safeBaseUrl(config);
        if (url != null) s.append(" at ").append(url);
        if (config.model() != null) s.append(" (model ").append(config.model()).append(')');
        return s.toString();
    }

    /** The error text inside a server's error body (Ollama, OpenAI, vLLM shapes), on one line, bounded. */
    public static String serverText(String body) {
        if (body == null || body.isBlank()) return "(empty body)";
        String text = body;
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode found = node == null ? null : firstText(node.path("error"), node.path("error").path("message"),
                    node.path("message"), node.path("detail"));
            if (found != null) text = found.asText();
        } catch (IOException notJson) {
            // plain text body: use it as it is
        }
        return bounded(text);
    }

    /** One line of at most about 300 characters. */
    public static String bounded(String text) {
        if (text == null) return "";
        String line = oneLine(text.length() > 4 * MAX_SERVER_TEXT ? text.substring(0, 4 * MAX_SERVER_TEXT) : text);
        return line.length() > MAX_SERVER_TEXT ? line.substring(0, MAX_SERVER_TEXT) + "..." : line;
    }

    private static String modelNotFound(ProcessorConfig config, String text) {
        String model = config.model() == null ? "?" : config.model();
        String at = safeBaseUrl(config) == null ? "" : " at " + safeBaseUrl(config);
        return "model \"" + model + "\" not found" + at + " " + hints(config).modelNotFound(config, text);
    }

    private static ModelException fromLangChain4jType(Throwable failure, ProcessorConfig config) {
        String text = summary(failure);
        if (find(failure, UnresolvedModelServerException.class) != null) return unreachable(config, failure);
        if (find(failure, ModelNotFoundException.class) != null) {
            return new ModelException(ModelException.Kind.MODEL_NOT_FOUND, modelNotFound(config, text), failure);
        }
        ModelException own = hints(config).translate(failure, config);
        if (own != null) return own;
        if (find(failure, InternalServerException.class) != null || find(failure, RateLimitException.class) != null) {
            return new ModelException(ModelException.Kind.SERVER_ERROR, "server error from " + where(config) + ": " + text, failure);
        }
        if (find(failure, AuthenticationException.class) != null || find(failure, InvalidRequestException.class) != null) {
            return new ModelException(ModelException.Kind.REJECTED, where(config) + " rejected the request: " + text, failure);
        }
        return null;
    }

    private static boolean isTimeout(Throwable failure) {
        return find(failure, HttpTimeoutException.class) != null
                || find(failure, SocketTimeoutException.class) != null
                || find(failure, java.util.concurrent.TimeoutException.class) != null
                || find(failure, dev.langchain4j.exception.TimeoutException.class) != null;
    }

    private static boolean isUnreachable(Throwable failure) {
        return find(failure, ConnectException.class) != null
                || find(failure, UnresolvedAddressException.class) != null
                || find(failure, UnknownHostException.class) != null
                || find(failure, NoRouteToHostException.class) != null;
    }

    private static JsonNode firstText(JsonNode... candidates) {
        for (JsonNode n : candidates) {
            if (n.isTextual() && !n.asText().isBlank()) return n;
        }
        return null;
    }

    private static String safeBaseUrl(ProcessorConfig config) {
        try {
            return hints(config).baseUrl(config);
        } catch (IllegalArgumentException e) {
            return config.baseUrl();
        }
    }

    /** The hints of the config's backend: its provider's, or generic ones for a backend not registered. */
    private static BackendHints hints(ProcessorConfig config) {
        for (ProcessorProvider provider : java.util.ServiceLoader.load(ProcessorProvider.class)) {
            if (provider.name().equals(config.backend())) return provider.hints();
        }
        return BackendHints.generic(config.backend());
    }

    /** {@code failure} with the config's own credentials taken out of its message, wherever they appear. */
    private static ModelException scrubbed(ModelException failure, ProcessorConfig config) {
        String clean = Secrets.scrub(failure.getMessage(), config);
        if (clean.equals(failure.getMessage())) return failure;
        return new ModelException(failure.kind(), clean, failure.getCause());
    }

    /** "500 ms", "2 s", "1.5 s", "2 min". */
    public static String describe(java.time.Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms % 60_000 == 0) return (ms / 60_000) + " min";
        if (ms % 1000 == 0) return (ms / 1000) + " s";
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** {@code type} in {@code failure}'s chain of causes, or null: for a backend's {@link BackendHints#translate}. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure, prev = null; t != null && t != prev; prev = t, t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    /** A failure's message on one line, bounded, without LangChain4j's class-name prefix. */
    public static String summary(Throwable t) {
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) return t.getClass().getSimpleName();
        // LangChain4j wraps exceptions with the cause's toString() as message
        return bounded(msg.replaceFirst("^[a-z0-9_.]+\\.([A-Z][A-Za-z0-9]*(Exception|Error)): ", "$1: "));
    }

    /** The text with every run of white space that holds a line break turned into one space. */
    static String oneLine(String text) {
        if (text == null) return "";
        String s = text.strip();
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            boolean lineBreak = false;
            while (end < s.length() && Character.isWhitespace(s.charAt(end))) {
                lineBreak |= s.charAt(end) == '\n' || s.charAt(end) == '\r';
                end++;
            }
            out.append(lineBreak ? " " : s.substring(i, end));
            i = end;
        }
        return out.toString();
    }
}
