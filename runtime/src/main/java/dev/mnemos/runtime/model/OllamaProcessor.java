package dev.mnemos.runtime.model;

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
        this.config = Endpoints.resolved(config.toBuilder().backend(Endpoints.OLLAMA).build());
        Endpoints.model(this.config);
        boolean completion = this.config.style() == Style.COMPLETION;
        boolean stream = this.config.stream();
        this.generate = completion ? new OllamaGenerateClient(this.config) : null;
        this.chat = !completion && !stream ? new ChatProcessor(this.config) : null;
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
