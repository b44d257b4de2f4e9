package dev.mnemos.http;

import dev.mnemos.runtime.model.BackendHints;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.ProcessorProvider;
import dev.mnemos.runtime.model.RetryingProcessor;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * The {@code openai} backend, for any OpenAI-compatible server: its settings (a base URL is
 * required; the API key defaults to a placeholder local servers accept), its processor (an
 * {@link OpenAiProcessor} that retries transient failures), its LangChain4j chat models and its
 * error hints ({@link OpenAiHints}).
 */
public final class OpenAiProvider implements ProcessorProvider {

    public static final String NAME = "openai";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Processor create(ProcessorConfig config) {
        return RetryingProcessor.around(new OpenAiProcessor(config), config.retries());
    }

    /** LangChain4j's {@code OpenAiChatModel}, retrying transient failures {@code config.retries()} times. */
    @Override
    public ChatModel chatModel(ProcessorConfig config) {
        return chatModel(resolved(config), config.retries());
    }

    @Override
    public BackendHints hints() {
        return OpenAiHints.INSTANCE;
    }

    /** The config with this backend's rules: its name, a base URL and a model required. */
    static ProcessorConfig resolved(ProcessorConfig config) {
        return Endpoints.resolved(config, NAME, null, "Qwen/Qwen2.5-7B-Instruct");
    }

    /** The API key to send; OpenAI-compatible local servers accept any. */
    static String apiKey(ProcessorConfig config) {
        String key = config.apiKey();
        return key == null || key.isBlank() ? "no-key" : key;
    }

    /** {@code retries} is LangChain4j's own retry count; the processor passes 0 and retries itself. */
    static ChatModel chatModel(ProcessorConfig resolved, int retries) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(BoundedHttpClient.builder())
                .baseUrl(resolved.baseUrl())
                .apiKey(apiKey(resolved))
                .timeout(resolved.timeout())
                .maxRetries(retries)
                .defaultRequestParameters(ChatProcessor.parameters(resolved))
                .build();
    }

    /** LangChain4j's streaming chat model; it does not retry. */
    static StreamingChatModel streamingChatModel(ProcessorConfig resolved) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(resolved.baseUrl())
                .apiKey(apiKey(resolved))
                .timeout(resolved.timeout())
                .defaultRequestParameters(ChatProcessor.parameters(resolved))
                .build();
    }
}
