package dev.mnemos.http;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelErrors;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code /v1/completions} of an OpenAI-compatible server (vLLM, llama.cpp's llama-server,
 * LM Studio): the prompt is continued as it is. Ours rather than LangChain4j's
 * {@code OpenAiLanguageModel}, which (in 1.18.1) sends only model, prompt and temperature, so
 * {@code max_tokens} and {@code stop} would be lost. Streamed answers are server-sent events
 * ({@code data: {...}} lines up to {@code data: [DONE]}).
 */
final class OpenAiCompletionClient {

    private static final String DATA = "data:";

    private final ProcessorConfig config;
    private final String url;
    private final JsonHttp http;

    OpenAiCompletionClient(ProcessorConfig config) {
        this.config = config;
        this.url = config.baseUrl() + "/completions";
        this.http = new JsonHttp(config, Map.of("Authorization", "Bearer " + OpenAiProvider.apiKey(config)));
    }

    Answer complete(String prompt) throws ModelException {
        String body = http.post(url, request(prompt));
        return config.stream() ? readStream(body) : readOne(body);
    }

    ObjectNode request(String prompt) {
        ObjectNode root = JsonHttp.JSON.createObjectNode();
        root.put("model", config.model());
        root.put("prompt", prompt);
        root.put("temperature", config.temperature());
        if (config.maxTokens() != null) root.put("max_tokens", config.maxTokens());
        if (!config.stop().isEmpty()) {
            config.stop().forEach(root.putArray("stop")::add);
        }
        root.put("stream", config.stream());
        if (config.stream()) root.putObject("stream_options").put("include_usage", true);
        return root;
    }

    private Answer readOne(String body) throws ModelException {
        JsonNode node = http.parse(body);
        failIfError(node);
        JsonNode text = node.path("choices").path(0).get("text");
        if (text == null || !text.isTextual()) {
            throw ModelErrors.badResponse(config, "no choices[0].text in " + body, null);
        }
        return answer(text.asText(), node.path("usage"));
    }

    private Answer readStream(String body) throws ModelException {
        StringBuilder text = new StringBuilder();
        JsonNode usage = JsonHttp.JSON.missingNode();
        boolean finished = false;
        for (String line : (Iterable<String>) body.lines()::iterator) {
            if (!line.startsWith(DATA)) continue; // blank separators, ": keep-alive" comments, event: lines
            String data = line.substring(DATA.length()).strip();
            if (data.equals("[DONE]")) return answer(text.toString(), usage);
            JsonNode chunk = http.parse(data);
            failIfError(chunk);
            JsonNode choice = chunk.path("choices").path(0);
            if (choice.path("text").isTextual()) text.append(choice.path("text").asText());
            if (choice.hasNonNull("finish_reason")) finished = true;
            if (chunk.hasNonNull("usage")) usage = chunk.get("usage");
        }
        if (finished) return answer(text.toString(), usage);
        throw ModelErrors.badResponse(config, "the event stream ended before [DONE]", null);
    }

    /** vLLM and others report failures as {"error": {...}} or {"object": "error", "message": ...}. */
    private void failIfError(JsonNode node) throws ModelException {
        boolean error = node.hasNonNull("error") || "error".equals(node.path("object").asText());
        if (error) {
            throw new ModelException(ModelException.Kind.SERVER_ERROR, "the server failed while answering at "
                    + config.baseUrl() + " (model " + config.model() + "): " + ModelErrors.serverText(node.toString()));
        }
    }

    private static Answer answer(String text, JsonNode usage) {
        return new Answer(text, usage.path("prompt_tokens").asInt(-1), usage.path("completion_tokens").asInt(-1));
    }
}
