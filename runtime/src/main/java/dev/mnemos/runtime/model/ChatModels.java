package dev.mnemos.runtime.model;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * LangChain4j chat models for the built-in backends, configured from a {@link ProcessorConfig}:
 * base URL, model, temperature, output-token bound, stop sequences, timeout. The processors and
 * other modules (poem) build their chat models here, so both talk to a server the same way.
 * Failures of these models translate with {@link ModelErrors#translate(Throwable, ProcessorConfig)}.
 */
public final class ChatModels {

    private ChatModels() {}

    /**
     * A chat model that retries transient failures {@code config.retries()} times (LangChain4j's
     * retry); the timeout bounds each whole call, a body that never ends included.
     */
    public static ChatModel create(ProcessorConfig config) {
        if (!Endpoints.OLLAMA.equals(config.backend()) && !Endpoints.OPENAI.equals(config.backend())) {
            return Processors.provider(config.backend()).chatModel(config);
        }
        return create(config, config.retries());
    }

    /**
     * A streaming chat model; it does not retry. For Ollama this is LangChain4j's
     * {@code OllamaStreamingChatModel}, which does not report a stream cut before its last chunk
     * (the caller waits for its own timeout); {@link OllamaProcessor} streams with a client of ours.
     */
    public static StreamingChatModel createStreaming(ProcessorConfig config) {
        ChatRequestParameters parameters = parameters(config);
        String url = Endpoints.baseUrl(config);
        return switch (backend(config)) {
            case Endpoints.OLLAMA -> OllamaStreamingChatModel.builder()
                    .baseUrl(url)
                    .customHeaders(Endpoints.basicAuth(config))
                    .timeout(config.timeout())
                    .defaultRequestParameters(parameters)
                    .build();
            default -> OpenAiStreamingChatModel.builder()
                    .baseUrl(url)
                    .apiKey(Endpoints.apiKey(config))
                    .timeout(config.timeout())
                    .defaultRequestParameters(parameters)
                    .build();
        };
    }

    /** {@code langChainRetries} is LangChain4j's own retry count; the processors pass 0 and retry themselves. */
    static ChatModel create(ProcessorConfig config, int langChainRetries) {
        ChatRequestParameters parameters = parameters(config);
        String url = Endpoints.baseUrl(config);
        return switch (backend(config)) {
            case Endpoints.OLLAMA -> OllamaChatModel.builder()
                    .httpClientBuilder(BoundedHttpClient.builder())
                    .baseUrl(url)
                    .customHeaders(Endpoints.basicAuth(config))
                    .timeout(config.timeout())
                    .maxRetries(langChainRetries)
                    .defaultRequestParameters(parameters)
                    .build();
            default -> OpenAiChatModel.builder()
                    .httpClientBuilder(BoundedHttpClient.builder())
                    .baseUrl(url)
                    .apiKey(Endpoints.apiKey(config))
                    .timeout(config.timeout())
                    .maxRetries(langChainRetries)
                    .defaultRequestParameters(parameters)
                    .build();
        };
    }

    /** Decoding settings shared by every builder above. */
    private static ChatRequestParameters parameters(ProcessorConfig config) {
        return DefaultChatRequestParameters.builder()
                .modelName(Endpoints.model(config))
                .temperature(config.temperature())
                .maxOutputTokens(config.maxTokens())
                .stopSequences(config.stop().isEmpty() ? null : config.stop())
                .build();
    }

    private static String backend(ProcessorConfig config) {
        String backend = config.backend();
        if (Endpoints.OLLAMA.equals(backend) || Endpoints.OPENAI.equals(backend)) return backend;
        throw new IllegalArgumentException("no LangChain4j chat model for backend '" + backend
                + "'; known: " + Endpoints.OLLAMA + ", " + Endpoints.OPENAI);
    }
}
