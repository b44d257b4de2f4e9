package dev.mnemos.http;

import dev.mnemos.runtime.model.BackendHints;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.ProcessorProvider;
import dev.mnemos.runtime.model.RetryingProcessor;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;

/**
 * The {@code ollama} backend: its defaults (base URL {@value #DEFAULT_URL}), its processor (an
 * {@link OllamaProcessor} that retries transient failures), its LangChain4j chat model and its
 * error hints ({@link OllamaHints}).
 */
public final class OllamaProvider implements ProcessorProvider {

    public static final String NAME = "ollama";
    public static final String DEFAULT_URL = "http://localhost:11434";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Processor create(ProcessorConfig config) {
        return RetryingProcessor.around(new OllamaProcessor(config), config.retries());
    }

    /** LangChain4j's {@code OllamaChatModel}, retrying transient failures {@code config.retries()} times. */
    @Override
    public ChatModel chatModel(ProcessorConfig config) {
        return chatModel(resolved(config), config.retries());
    }

    @Override
    public BackendHints hints() {
        return OllamaHints.INSTANCE;
    }

    /** The config with this backend's defaults: its name, its base URL, a model required. */
    static ProcessorConfig resolved(ProcessorConfig config) {
        return Endpoints.resolved(config, NAME, DEFAULT_URL, "llama3.2");
    }

    /** {@code retries} is LangChain4j's own retry count; the processor passes 0 and retries itself. */
    static ChatModel chatModel(ProcessorConfig resolved, int retries) {
        return OllamaChatModel.builder()
                .httpClientBuilder(BoundedHttpClient.builder())
                .baseUrl(resolved.baseUrl())
                .customHeaders(Endpoints.basicAuth(resolved))
                .timeout(resolved.timeout())
                .maxRetries(retries)
                .defaultRequestParameters(ChatProcessor.parameters(resolved))
                .build();
    }
}
