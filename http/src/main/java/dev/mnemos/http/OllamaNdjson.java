package dev.mnemos.http;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelErrors;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * Reads Ollama's answers: one JSON object ({@code stream: false}) or NDJSON chunks whose text
 * parts are joined until the chunk with {@code done: true}, which carries the token counts.
 * Shared by {@link OllamaGenerateClient} and {@link OllamaStreamingChatClient}.
 */
final class OllamaNdjson {

    private final ProcessorConfig config;
    private final JsonHttp http;
    private final Function<JsonNode, JsonNode> text;
    private final String textName;

    /** {@code text} finds the answer's text in one object; {@code textName} names it in errors. */
    OllamaNdjson(ProcessorConfig config, JsonHttp http, Function<JsonNode, JsonNode> text, String textName) {
        this.config = config;
        this.http = http;
        this.text = text;
        this.textName = textName;
    }

    /** The options object of a request: temperature, and num_predict and stop when set. */
    static void putOptions(ObjectNode request, ProcessorConfig config) {
        ObjectNode options = request.putObject("options");
        options.put("temperature", config.temperature());
        if (config.maxTokens() != null) options.put("num_predict", config.maxTokens());
        if (!config.stop().isEmpty()) {
            config.stop().forEach(options.putArray("stop")::add);
        }
    }

    Answer read(String body, boolean stream) throws ModelException {
        return stream ? readStream(body) : readOne(body);
    }

    private Answer readOne(String body) throws ModelException {
        JsonNode node = http.parse(body);
        failIfError(node);
        JsonNode part = text.apply(node);
        if (part == null || !part.isTextual()) {
            throw ModelErrors.badResponse(config, "no " + textName + " text in " + body, null);
        }
        return answer(part.asText(), node);
    }

    private Answer readStream(String body) throws ModelException {
        StringBuilder answer = new StringBuilder();
        for (String line : (Iterable<String>) body.lines()::iterator) {
            if (line.isBlank()) continue;
            JsonNode chunk = http.parse(line);
            failIfError(chunk);
            JsonNode part = text.apply(chunk);
            if (part != null && part.isTextual()) answer.append(part.asText());
            if (chunk.path("done").asBoolean(false)) return answer(answer.toString(), chunk);
        }
        throw ModelErrors.badResponse(config, "the stream ended before a chunk with \"done\": true", null);
    }

    /** Ollama reports failures inside a 200 answer as {"error": "..."}. */
    private void failIfError(JsonNode node) throws ModelException {
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            throw new ModelException(ModelException.Kind.SERVER_ERROR,
                    "Ollama failed while answering at " + config.baseUrl() + " (model " + config.model() + "): "
                            + ModelErrors.bounded(error.isTextual() ? error.asText() : error.toString()));
        }
    }

    private static Answer answer(String text, JsonNode last) {
        return new Answer(text, last.path("prompt_eval_count").asInt(-1), last.path("eval_count").asInt(-1));
    }
}
