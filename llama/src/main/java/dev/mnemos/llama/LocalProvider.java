package dev.mnemos.llama;

import dev.langchain4j.model.chat.ChatModel;
import dev.mnemos.runtime.model.BackendHints;
import dev.mnemos.llama.models.ModelDirectory;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.ProcessorProvider;
import dev.mnemos.runtime.model.UncheckedModelException;

/**
 * The {@code local} backend: a GGUF model run in-process (see {@link LocalProcessor}). It claims a
 * model named without a backend when the name is a catalog model's ({@code smollm2-135m},
 * {@code gemma3-270m}), a path ending in {@code .gguf}, or a {@code NAME.gguf} in the model
 * directory; any other name stays with the commands' default backend (Ollama).
 */
public final class LocalProvider implements ProcessorProvider {

    public static final String NAME = "local";
    /** The answer's bound in tokens when the config sets none: a small model may ramble to the end of its context. */
    public static final int DEFAULT_MAX_TOKENS = 256;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean claims(String model) {
        return ModelDirectory.fromEnvironment().claims(model);
    }

    /**
     * Checks the file (present, GGUF, an architecture llama.cpp knows) and loads it, once per
     * process; those failures are {@link UncheckedModelException}s with their kind.
     */
    @Override
    public Processor create(ProcessorConfig config) {
        LocalSettings.Loaded loaded = LocalSettings.load(config);
        return new LocalProcessor(config, loaded.settings(), loaded.engine());
    }

    @Override
    public ChatModel chatModel(ProcessorConfig config) {
        return LocalChatModel.create(config);
    }

    /** Messages name "the local model" and no URL: there is no server. */
    @Override
    public BackendHints hints() {
        return new BackendHints() {
            @Override
            public String serverName() {
                return "the local model";
            }

            @Override
            public String baseUrl(ProcessorConfig config) {
                return null;
            }
        };
    }

    /**
     * Frees the models this process loaded. llama.cpp then leaves a non-daemon native thread behind:
     * a program that calls this must end with {@code System.exit}.
     */
    public static void closeAll() {
        Engine.closeAll();
    }
}
