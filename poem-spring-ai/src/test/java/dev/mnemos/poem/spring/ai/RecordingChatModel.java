package dev.mnemos.poem.spring.ai;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Spring AI chat model that keeps every prompt it gets and answers with a fixed text (streamed in
 * two chunks): what the advisor sends is the behaviour under test here, the model's is not. The
 * starter's tests send the same through Spring AI's Ollama client to WireMock.
 */
final class RecordingChatModel implements ChatModel {

    final List<Prompt> prompts = new CopyOnWriteArrayList<>();
    private final String answer;

    RecordingChatModel(String answer) {
        this.answer = answer;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        return new ChatResponse(List.of(new Generation(new AssistantMessage(answer))));
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        prompts.add(prompt);
        int half = answer.length() / 2;
        return Flux.just(answer.substring(0, half), answer.substring(half))
                .map(part -> new ChatResponse(List.of(new Generation(new AssistantMessage(part)))));
    }

    Prompt last() {
        return prompts.get(prompts.size() - 1);
    }
}
