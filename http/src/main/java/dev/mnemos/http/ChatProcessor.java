package dev.mnemos.http;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelErrors;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The chat style through LangChain4j: the prompt is one user message, after the optional system
 * instruction. Streamed when the config asks for it; a streamed call must finish within the timeout.
 */
final class ChatProcessor {

    private final ProcessorConfig config;
    private final ChatModel chat;
    private final StreamingChatModel streaming;

    /** {@code chat} answers when the config does not stream, {@code streaming} when it does. */
    ChatProcessor(ProcessorConfig config, ChatModel chat, StreamingChatModel streaming) {
        this.config = config;
        this.chat = chat;
        this.streaming = streaming;
    }

    /** The decoding settings every LangChain4j chat model of ours is built with. */
    static ChatRequestParameters parameters(ProcessorConfig config) {
        return DefaultChatRequestParameters.builder()
                .modelName(config.model())
                .temperature(config.temperature())
                .maxOutputTokens(config.maxTokens())
                .stopSequences(config.stop().isEmpty() ? null : config.stop())
                .build();
    }

    Answer chat(String prompt) throws ModelException {
        ChatRequest request = ChatRequest.builder().messages(messages(prompt)).build();
        ChatResponse response;
        try {
            response = chat != null ? chat.chat(request) : stream(request);
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ModelErrors.translate(e, config);
        }
        if (response == null || response.aiMessage() == null || response.aiMessage().text() == null) {
            throw ModelErrors.badResponse(config, "the answer holds no text", null);
        }
        return answer(response);
    }

    private List<ChatMessage> messages(String prompt) {
        List<ChatMessage> messages = new ArrayList<>(2);
        String system = config.systemInstruction();
        if (system != null && !system.isEmpty()) messages.add(SystemMessage.from(system));
        messages.add(UserMessage.from(prompt));
        return messages;
    }

    private ChatResponse stream(ChatRequest request) throws ModelException {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streaming.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response;
        try {
            response = done.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw ModelErrors.timeout(config, e);
        } catch (ExecutionException e) {
            throw ModelErrors.translate(e.getCause(), config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.TIMEOUT,
                    "the call to " + ModelErrors.where(config) + " was interrupted", e);
        }
        // LangChain4j completes a stream that the server cut short; only the last chunk has a finish reason
        if (response != null && response.finishReason() == null) {
            throw ModelErrors.badResponse(config, "the stream ended before its last chunk (no finish_reason)", null);
        }
        return response;
    }

    private static Answer answer(ChatResponse response) {
        TokenUsage usage = response.tokenUsage();
        int in = usage == null || usage.inputTokenCount() == null ? -1 : usage.inputTokenCount();
        int out = usage == null || usage.outputTokenCount() == null ? -1 : usage.outputTokenCount();
        return new Answer(response.aiMessage().text(), in, out);
    }
}
