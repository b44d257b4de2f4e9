package dev.mnemos.http;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.RetryingProcessor;
import dev.mnemos.runtime.model.Style;

/**
 * The Ollama backend. Completion style: {@code /api/generate} with {@code raw: true} through our
 * {@link OllamaGenerateClient}; chat style: {@code /api/chat} through LangChain4j's
 * {@code OllamaChatModel}, or through our {@link OllamaStreamingChatClient} when streaming.
 * One call, no retries: {@link OllamaProvider} wraps it in a {@link RetryingProcessor}.
 */
public final class OllamaProcessor implements Processor {

    private final ProcessorConfig config;
    private final OllamaGenerateClient generate;
    private final ChatProcessor chat;
    private final OllamaStreamingChatClient streamingChat;

    /** Bad settings (no model, a malformed base URL) raise {@link IllegalArgumentException}. */
    public OllamaProcessor(ProcessorConfig config) {
        this.config = OllamaProvider.resolved(config);
        boolean completion = this.config.style() == Style.COMPLETION;
        boolean stream = this.config.stream();
        this.generate = completion ? new OllamaGenerateClient(this.config) : null;
        this.chat = !completion && !stream ? new ChatProcessor(this.config, OllamaProvider.chatModel(this.config, 0), null) : null;
        this.streamingChat = !completion && stream ? new OllamaStreamingChatClient(this.config) : null;
    }

    @Override
    public Answer process(String prompt) throws ModelException {
        if (generate != null) return generate.generate(prompt);
        return chat != null ? chat.chat(prompt) : streamingChat.chat(prompt);
    }

    @Override
    public String fingerprint() {
        return config.fingerprint();
    }

    @Override
    public String toString() {
        return "OllamaProcessor[" + config.fingerprint() + "]";
    }
}
