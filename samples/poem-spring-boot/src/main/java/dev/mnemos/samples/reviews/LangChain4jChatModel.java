package dev.mnemos.samples.reviews;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.output.TokenUsage;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.retry.NonTransientAiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A LangChain4j chat model as Spring AI's {@link ChatModel}: here mnemos-llama's local model (a GGUF
 * file run in this process), which Spring AI has no client for. System, user and assistant messages
 * go over in their order, with the prompt's temperature, token bound and stop sequences when it
 * gives them; the answer comes back with its token counts and finish reason. A failure of the model
 * is Spring AI's {@link NonTransientAiException} (running it again would fail the same way). Calls
 * only: the sample does not stream, and {@code stream} stays Spring AI's default (unsupported).
 */
final class LangChain4jChatModel implements ChatModel {

    private final dev.langchain4j.model.chat.ChatModel model;

    LangChain4jChatModel(dev.langchain4j.model.chat.ChatModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        ChatRequest request = request(prompt);
        dev.langchain4j.model.chat.response.ChatResponse answer;
        try {
            answer = model.chat(request);
        } catch (RuntimeException e) {
            throw new NonTransientAiException(e.getMessage(), e);
        }
        return response(answer);
    }

    static ChatRequest request(Prompt prompt) {
        List<ChatMessage> messages = new ArrayList<>(prompt.getInstructions().size());
        for (Message m : prompt.getInstructions()) {
            messages.add(switch (m.getMessageType()) {
                case SYSTEM -> SystemMessage.from(m.getText());
                case USER -> UserMessage.from(m.getText());
                case ASSISTANT -> AiMessage.from(m.getText());
                default -> throw new IllegalArgumentException("a LangChain4j chat model here takes system, user and assistant"
                        + " messages, not " + m.getMessageType());
            });
        }
        ChatRequest.Builder request = ChatRequest.builder().messages(messages);
        ChatOptions options = prompt.getOptions();
        if (options != null) {
            if (options.getTemperature() != null) request.temperature(options.getTemperature());
            if (options.getMaxTokens() != null) request.maxOutputTokens(options.getMaxTokens());
            if (options.getStopSequences() != null && !options.getStopSequences().isEmpty()) request.stopSequences(options.getStopSequences());
        }
        return request.build();
    }

    static ChatResponse response(dev.langchain4j.model.chat.response.ChatResponse answer) {
        ChatGenerationMetadata.Builder generation = ChatGenerationMetadata.builder();
        if (answer.finishReason() != null) generation.finishReason(answer.finishReason().name());
        ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder();
        if (answer.modelName() != null) metadata.model(answer.modelName());
        TokenUsage usage = answer.tokenUsage();
        if (usage != null) metadata.usage(new DefaultUsage(usage.inputTokenCount(), usage.outputTokenCount()));
        AssistantMessage text = AssistantMessage.builder().content(answer.aiMessage().text()).build();
        return new ChatResponse(List.of(new Generation(text, generation.build())), metadata.build());
    }
}
