package dev.mnemos.runtime.model;

import dev.langchain4j.model.chat.ChatModel;

/**
 * Makes processors of one backend, found by name through {@link java.util.ServiceLoader}.
 * A module adds a backend by listing its provider in
 * {@code META-INF/services/dev.mnemos.runtime.model.ProcessorProvider}.
 */
public interface ProcessorProvider {

    /** The name users pass as {@code --backend}, e.g. {@code ollama}. */
    String name();

    /** Builds a processor; bad settings raise {@link IllegalArgumentException} naming the setting. */
    Processor create(ProcessorConfig config);

    /**
     * Whether a model name given without a backend is this backend's (the local backend claims the
     * names of the models it knows and the GGUF files it finds); {@link Processors#backendFor}
     * asks every provider, and the first that claims a name gets it. Default: none.
     */
    default boolean claims(String model) {
        return false;
    }

    /**
     * A LangChain4j chat model of this backend, configured from {@code config} (what
     * {@link ChatModels#create(ProcessorConfig)} gives). Default: this backend has none.
     */
    default ChatModel chatModel(ProcessorConfig config) {
        throw new IllegalArgumentException("the " + name() + " backend has no LangChain4j chat model");
    }

    /**
     * What this backend tells people when a call fails (its server's name, its default URL, what to
     * do); {@link ModelErrors} words every message with these. Default: generic hints.
     */
    default BackendHints hints() {
        return BackendHints.generic(name());
    }
}
