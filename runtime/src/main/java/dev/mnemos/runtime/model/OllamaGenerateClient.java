package dev.mnemos.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Ollama's {@code /api/generate} with {@code raw: true}: the prompt goes to the model as it is,
 * without the model's chat template (LangChain4j's Ollama builder cannot ask for that).
 * Handles a single JSON answer ({@code stream: false}) and a streamed one (NDJSON chunks whose
 * {@code response} parts are joined until the chunk with {@code done: true}).
 */
final class OllamaGenerateClient {

    private final ProcessorConfig config;
    private final String url;
    private final JsonHttp http;

    OllamaGenerateClient(ProcessorConfig config) {
        this.config = config;
        this.url = Endpoints.baseUrl(config) + "/api/generate";
        this.http = new JsonHttp(config, Map.of());
    }

    Answer generate(String prompt) throws ModelException {
        String body = http.post(url, request(prompt));
        return config.stream() ? readStream(body) : readOne(body);
    }

    /** The request body; visible for documentation: {model, prompt, raw, stream, options}. */
    ObjectNode request(String prompt) {
        ObjectNode root = JsonHttp.JSON.createObjectNode();
        root.put("model", Endpoints.model(config));
        root.put("prompt", prompt);
        root.put("raw", true);
        root.put("stream", config.stream());
        ObjectNode options = root.putObject("options");
        options.put("temperature", config.temperature());
        if (config.maxTokens() != null) options.put("num_predict", config.maxTokens());
        if (!config.stop().isEmpty()) {
            config.stop().forEach(options.putArray("stop")::add);
        }
        return root;
    }

    private Answer readOne(String body) throws ModelException {
        JsonNode node = http.parse(body);
        failIfError(node);
        JsonNode response = node.get("response");
        if (response == null || !response.isTextual()) {
            throw ModelErrors.badResponse(config, "no \"response\" text in " + body, null);
        }
        return answer(response.asText(), node);
    }

    private Answer readStream(String body) throws ModelException {
        StringBuilder text = new StringBuilder();
        for (String line : (Iterable<String>) body.lines()::iterator) {
            if (line.isBlank()) continue;
            JsonNode chunk = http.parse(line);
            failIfError(chunk);
            JsonNode part = chunk.get("response");
            if (part != null && part.isTextual()) text.append(part.asText());
            if (chunk.path("done").asBoolean(false)) return answer(text.toString(), chunk);
        }
        throw ModelErrors.badResponse(config, "the stream ended before a chunk with \"done\": true", null);
    }

    /** Ollama reports failures inside a 200 stream as {"error": "..."}. */
    private void failIfError(JsonNode node) throws ModelException {
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            throw new ModelException(ModelException.Kind.SERVER_ERROR,
                    "Ollama failed while answering at " + Endpoints.baseUrl(config) + " (model " + config.model() + "): "
                            + ModelErrors.bounded(error.isTextual() ? error.asText() : error.toString()));
        }
    }

    private static Answer answer(String text, JsonNode last) {
        return new Answer(text, last.path("prompt_eval_count").asInt(-1), last.path("eval_count").asInt(-1));
    }
}
