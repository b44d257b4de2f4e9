package dev.mnemos.runtime.model;

import dev.langchain4j.model.chat.ChatModel;

/**
 * LangChain4j chat models of any backend, configured from a {@link ProcessorConfig}: the
 * backend's provider builds it ({@link ProcessorProvider#chatModel}); the ollama and openai
 * backends (module {@code http}) give LangChain4j's own with base URL, model, temperature, output
 * bound, stop sequences and a timeout that bounds the whole call; the local backend (module
 * {@code llama}) its in-process model. Failures translate with
 * {@link ModelErrors#translate(Throwable, ProcessorConfig)}.
 */
public final class ChatModels {

    private ChatModels() {}

    /**
     * A chat model of the config's backend; an HTTP backend's retries transient failures
     * {@code config.retries()} times (LangChain4j's retry). An unknown backend, or one with no chat
     * model, raises {@link IllegalArgumentException}.
     */
    public static ChatModel create(ProcessorConfig config) {
        return Processors.provider(config.backend()).chatModel(config);
    }
}
