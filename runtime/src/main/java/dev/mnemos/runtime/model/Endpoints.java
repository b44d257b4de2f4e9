package dev.mnemos.runtime.model;

import java.time.Duration;

/** Resolves the settings of the built-in backends: default base URLs, required values, display names. */
final class Endpoints {

    static final String OLLAMA = "ollama";
    static final String OPENAI = "openai";
    static final String OLLAMA_DEFAULT_URL = "http://localhost:11434";

    private Endpoints() {}

    /** The base URL the backend will call, without a trailing slash. */
    static String baseUrl(ProcessorConfig config) {
        String url = config.baseUrl();
        if (url == null || url.isBlank()) {
            if (OLLAMA.equals(config.backend())) return OLLAMA_DEFAULT_URL;
            if (OPENAI.equals(config.backend())) {
                throw new IllegalArgumentException(
                        "the openai backend needs a base URL, e.g. http://localhost:8000/v1");
            }
            return null;
        }
        url = url.strip();
        while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("base URL must start with http:// or https://, got '" + url + "'");
        }
        return url;
    }

    /** The model name; the built-in backends need one. */
    static String model(ProcessorConfig config) {
        String model = config.model();
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the " + config.backend()
                    + " backend needs a model name, e.g. " + (OLLAMA.equals(config.backend()) ? "llama3.2" : "Qwen/Qwen2.5-7B-Instruct"));
        }
        return model;
    }

    /** The API key to send; OpenAI-compatible local servers accept any. */
    static String apiKey(ProcessorConfig config) {
        String key = config.apiKey();
        return key == null || key.isBlank() ? "no-key" : key;
    }

    /** The config with its effective base URL, so that "default" and the default spelled out agree. */
    static ProcessorConfig resolved(ProcessorConfig config) {
        return config.toBuilder().baseUrl(baseUrl(config)).userInfo(config.userInfo()).build();
    }

    /** Headers that authenticate with the user info the base URL was given with (none without). */
    static java.util.Map<String, String> basicAuth(ProcessorConfig config) {
        String userInfo = config.userInfo();
        return userInfo == null ? java.util.Map.of() : java.util.Map.of("Authorization", UserInfo.basicAuth(userInfo));
    }

    /** How a person calls the server of this backend. */
    static String serverName(String backend) {
        if (OLLAMA.equals(backend)) return "Ollama";
        if (OPENAI.equals(backend)) return "the OpenAI-compatible server";
        return "the " + backend + " backend";
    }

    /** "500 ms", "2 s", "1.5 s", "2 min". */
    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms % 60_000 == 0) return (ms / 60_000) + " min";
        if (ms % 1000 == 0) return (ms / 1000) + " s";
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
