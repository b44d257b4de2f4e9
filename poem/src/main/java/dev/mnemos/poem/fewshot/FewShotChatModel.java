package dev.mnemos.poem.fewshot;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.mnemos.poem.Selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A {@link ChatModel} that puts POEM's few-shot examples into every request it forwards to the model
 * it wraps: it embeds the last user message, selects and orders the examples, and inserts them as
 * user/assistant turns right after the leading system message(s) (at the start when there is none).
 * Everything else in the request (history, parameters, tools) goes through unchanged, and so do the
 * model's answer and its failures. The examples exist only in the forwarded request: an AI service's
 * chat memory never stores them.
 *
 * <p>The {@link Selection} used for a request is reachable for feedback: through a
 * {@link SelectionListener} called with the selection and the response, or through
 * {@link #lastSelection()} on the thread that made the call (AI services call the model on the
 * caller's thread).
 *
 * <pre>{@code
 * FewShotChatModel model = FewShotChatModel.builder().model(ollama).fewShot(FewShot.of(poem)).build();
 * Classifier classifier = AiServices.builder(Classifier.class).chatModel(model).build();
 * String label = classifier.classify("The shower was cold all week.");
 * model.feedback(model.lastSelection().orElseThrow(), label.equals("negative") ? 1 : 0);
 * }</pre>
 */
public final class FewShotChatModel implements ChatModel {

    /** Hears which selection was used for a request, with the model's response (e.g. to score it). */
    @FunctionalInterface
    public interface SelectionListener {
        void onSelection(Selection selection, ChatResponse response);
    }

    private final ChatModel model;
    private final FewShot fewShot;
    private final SelectionListener listener;
    private final UnaryOperator<String> queryOf;
    private final ThreadLocal<Selection> last = new ThreadLocal<>();

    private FewShotChatModel(Builder b) {
        this.model = Objects.requireNonNull(b.model, "model");
        this.fewShot = Objects.requireNonNull(b.fewShot, "fewShot");
        this.listener = b.listener;
        this.queryOf = b.queryOf;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String query = queryOf.apply(lastUserText(request.messages()));
        FewShot.Shots shots = fewShot.shots(query);
        last.set(shots.selection());
        ChatRequest withShots = request.toBuilder().messages(withExamples(request.messages(), shots.messages())).build();
        ChatResponse response = model.chat(withShots);
        listener.onSelection(shots.selection(), response);
        return response;
    }

    /** The selection of the last request made on this thread. */
    public Optional<Selection> lastSelection() {
        return Optional.ofNullable(last.get());
    }

    /** The answer to a request built with this selection earned this reward: the memory learns it. */
    public void feedback(Selection selection, double reward) {
        fewShot.feedback(selection, reward);
    }

    /** The messages with the example turns after the leading system messages. */
    static List<ChatMessage> withExamples(List<ChatMessage> messages, List<ChatMessage> examples) {
        int at = 0;
        while (at < messages.size() && messages.get(at) instanceof SystemMessage) at++;
        List<ChatMessage> out = new ArrayList<>(messages.size() + examples.size());
        out.addAll(messages.subList(0, at));
        out.addAll(examples);
        out.addAll(messages.subList(at, messages.size()));
        return out;
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage u) {
                StringBuilder text = new StringBuilder();
                u.contents().forEach(c -> { if (c instanceof TextContent t) text.append(text.length() > 0 ? "\n" : "").append(t.text()); });
                if (text.length() > 0) return text.toString();
            }
        }
        throw new IllegalArgumentException("the request has no user message with text to choose examples for");
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return model.supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return model.provider();
    }

    public static final class Builder {
        private ChatModel model;
        private FewShot fewShot;
        private SelectionListener listener = (selection, response) -> {};
        private UnaryOperator<String> queryOf = UnaryOperator.identity();

        private Builder() {}

        /** The model the requests go to. Required. */
        public Builder model(ChatModel model) { this.model = model; return this; }

        /** Where the examples come from. Required. */
        public Builder fewShot(FewShot fewShot) { this.fewShot = fewShot; return this; }

        /** Called after each answer with the selection used; default none. */
        public Builder listener(SelectionListener listener) { this.listener = Objects.requireNonNull(listener); return this; }

        /**
         * The query to choose examples for, from the last user message's text; default the text itself.
         * For a user message template such as "Review: {{it}}", strip what the template adds.
         */
        public Builder queryOf(UnaryOperator<String> queryOf) { this.queryOf = Objects.requireNonNull(queryOf); return this; }

        public FewShotChatModel build() {
            return new FewShotChatModel(this);
        }
    }
}
