package dev.mnemos.poem.ask;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.runtime.model.ModelErrors;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.ProcessorConfig;

import java.util.List;
import java.util.Map;

/**
 * Asks a LangChain4j {@link ChatModel} with the examples as user/assistant turns. With
 * {@link LogProbs} (the model's API's own: OpenAI's in the cli), asks for the top
 * log-probabilities of the answer's first token too.
 *
 * <pre>{@code
 * Asker asker = ChatAsker.builder().model(chat).task(task).build();
 * Asker margins = ChatAsker.builder().model(openAiChat).task(task).logProbs(openAiLogProbs).config(config).build();
 * }</pre>
 */
public final class ChatAsker implements Asker {

    /** How many alternatives of the first token to ask for. */
    public static final int TOP_LOGPROBS = 10;

    private final ChatModel model;
    private final Task task;
    private final LogProbs logProbs;
    private final ProcessorConfig config;

    private ChatAsker(Builder b) {
        this.model = java.util.Objects.requireNonNull(b.model, "model");
        this.task = java.util.Objects.requireNonNull(b.task, "task");
        if (b.logProbs != null) b.logProbs.check(model);
        this.logProbs = b.logProbs;
        this.config = b.config != null ? b.config : ProcessorConfig.builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private ChatModel model;
        private Task task;
        private LogProbs logProbs;
        private ProcessorConfig config;

        private Builder() {}

        /** The model asked. Required. */
        public Builder model(ChatModel model) { this.model = model; return this; }

        /** How examples and the query become chat messages. Required. */
        public Builder task(Task task) { this.task = task; return this; }

        /** Ask for the first token's top log-probabilities, the way the model's API does; default none. */
        public Builder logProbs(LogProbs logProbs) { this.logProbs = logProbs; return this; }

        /** The settings the model was built from, so that errors name the server and model; optional. */
        public Builder config(ProcessorConfig config) { this.config = config; return this; }

        public ChatAsker build() {
            return new ChatAsker(this);
        }
    }

    @Override
    public Reply ask(String query, List<Example> orderedExamples) throws ModelException {
        ChatRequest.Builder request = ChatRequest.builder().messages(task.messages(query, orderedExamples));
        if (logProbs != null) request.parameters(logProbs.request(TOP_LOGPROBS));
        ChatResponse response;
        try {
            response = model.chat(request.build());
        } catch (RuntimeException e) {
            throw ModelErrors.translate(e, config);
        }
        if (response == null || response.aiMessage() == null || response.aiMessage().text() == null) {
            throw ModelErrors.badResponse(config, "the answer holds no text", null);
        }
        return new Reply(response.aiMessage().text(), logProbs == null ? Map.of() : logProbs.firstToken(response));
    }

}
