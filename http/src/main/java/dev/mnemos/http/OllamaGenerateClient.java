package dev.mnemos.http;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ollama's {@code /api/generate} with {@code raw: true}: the prompt goes to the model as it is,
 * without the model's chat template (LangChain4j's Ollama builder cannot ask for that).
 * Streamed ({@code stream: true}, NDJSON) or not, as the config says.
 */
final class OllamaGenerateClient {

    private final ProcessorConfig config;
    private final String url;
    private final JsonHttp http;
    private final OllamaNdjson reader;

    OllamaGenerateClient(ProcessorConfig config) {
        this.config = config;
        this.url = config.baseUrl() + "/api/generate";
        this.http = new JsonHttp(config, Endpoints.basicAuth(config));
        this.reader = new OllamaNdjson(config, http, node -> node.get("response"), "\"response\"");
    }

    Answer generate(String prompt) throws ModelException {
        return reader.read(http.post(url, request(prompt)), config.stream());
    }

    /** {model, prompt, raw: true, stream, options: {temperature, num_predict, stop}}. */
    ObjectNode request(String prompt) {
        ObjectNode root = JsonHttp.JSON.createObjectNode();
        root.put("model", config.model());
        root.put("prompt", prompt);
        root.put("raw", true);
        root.put("stream", config.stream());
        OllamaNdjson.putOptions(root, config);
        return root;
    }
}
