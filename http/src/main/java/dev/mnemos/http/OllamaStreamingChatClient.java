package dev.mnemos.http;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ollama's {@code /api/chat} with {@code stream: true}. Ours rather than LangChain4j's
 * {@code OllamaStreamingChatModel}, which (in 1.18.1) never reports a stream that ends without
 * {@code done: true} or holds a broken line: the caller would wait for the whole timeout and
 * then retry. The non-streamed chat uses LangChain4j's {@code OllamaChatModel}.
 */
final class OllamaStreamingChatClient {

    private final ProcessorConfig config;
    private final String url;
    private final JsonHttp http;
    private final OllamaNdjson reader;

    OllamaStreamingChatClient(ProcessorConfig config) {
        this.config = config;
        this.url = config.baseUrl() + "/api/chat";
        this.http = new JsonHttp(config, Endpoints.basicAuth(config));
        this.reader = new OllamaNdjson(config, http, node -> node.path("message").get("content"), "message.content");
    }

    Answer chat(String prompt) throws ModelException {
        return reader.read(http.post(url, request(prompt)), true);
    }

    /** {model, messages: [system?, user], stream: true, options: {temperature, num_predict, stop}}. */
    ObjectNode request(String prompt) {
        ObjectNode root = JsonHttp.JSON.createObjectNode();
        root.put("model", config.model());
        ArrayNode messages = root.putArray("messages");
        String system = config.systemInstruction();
        if (system != null && !system.isEmpty()) messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", prompt);
        root.put("stream", true);
        OllamaNdjson.putOptions(root, config);
        return root;
    }
}
