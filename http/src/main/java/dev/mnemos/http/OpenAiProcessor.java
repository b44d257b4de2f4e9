package dev.mnemos.http;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.RetryingProcessor;
import dev.mnemos.runtime.model.Style;

/**
 * The backend for any OpenAI-compatible server (vLLM, llama.cpp's llama-server, LM Studio).
 * Completion style: {@code /v1/completions} through our {@link OpenAiCompletionClient}; chat style:
 * {@code /v1/chat/completions} through LangChain4j's {@code OpenAiChatModel} (or
 * {@code OpenAiStreamingChatModel} when streaming). One call, no retries: {@link OpenAiProvider}
 * wraps it in a {@link RetryingProcessor}.
 */
public final class OpenAiProcessor implements Processor {

    private final ProcessorConfig config;
    private final OpenAiCompletionClient completion;
    private final ChatProcessor chat;

    /** Bad settings (no base URL, no model) raise {@link IllegalArgumentException}. */
    public OpenAiProcessor(ProcessorConfig config) {
        this.config = OpenAiProvider.resolved(config);
        boolean completionStyle = this.config.style() == Style.COMPLETION;
        this.completion = completionStyle ? new OpenAiCompletionClient(this.config) : null;
        this.chat = completionStyle ? null : new ChatProcessor(this.config,
                this.config.stream() ? null : OpenAiProvider.chatModel(this.config, 0),
                this.config.stream() ? OpenAiProvider.streamingChatModel(this.config) : null);
    }

    @Override
    public Answer process(String prompt) throws ModelException {
        return completion != null ? completion.complete(prompt) : chat.chat(prompt);
    }

    @Override
    public String fingerprint() {
        return config.fingerprint();
    }

    @Override
    public String toString() {
        return "OpenAiProcessor[" + config.fingerprint() + "]";
    }
}
