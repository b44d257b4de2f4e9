package dev.mnemos.poem.spring.ai;

import dev.mnemos.poem.Poem;
import dev.mnemos.poem.Selection;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.ai.chat.client.advisor.api.BaseAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * POEM for Spring AI's {@code ChatClient}: for each call, and each streamed call, it embeds the
 * user message, selects the m most similar examples from the pool, puts them in the order POEM's
 * memory expects to earn the most reward, and inserts them as user/assistant messages right after
 * the system message. The {@link Selection} it used comes back with the response, in the advisor
 * context and in the response metadata, both under {@link #SELECTION}, so that the application can
 * tell the memory how the answer did: {@link #feedback(Selection, double)}.
 *
 * <pre>{@code
 * ChatClient chat = ChatClient.builder(chatModel)
 *         .defaultSystem("Say whether the review is positive or negative. Answer with one word.")
 *         .defaultAdvisors(PoemAdvisor.builder().poem(poem).build())
 *         .build();
 * ChatClientResponse response = chat.prompt().user(review).call().chatClientResponse();
 * Selection selection = PoemAdvisor.selection(response).orElseThrow();
 * String label = response.chatResponse().getResult().getOutput().getText();
 * poemAdvisor.feedback(selection, label.equals(expected) ? 1 : 0);         // the memory learns
 * }</pre>
 *
 * <h2>Order among other advisors: {@link #DEFAULT_ORDER}</h2>
 * {@code Advisor.DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER + 100}: it runs after (inside) the chat-memory
 * advisors, which run at {@code DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER}, so the examples go between
 * the system message and the conversation history and never enter the chat memory (that advisor has
 * stored the user message before the examples exist, and stores only the answer after); and before
 * (outside) the advisors at order 0 (retrieval augmentation, {@code SimpleLoggerAdvisor},
 * {@code SafeGuardAdvisor}), so retrieval augments the user's own message and the logger shows the
 * request as the model gets it. Inside a tool-calling loop ({@code ToolCallAdvisor}, at
 * {@code HIGHEST_PRECEDENCE + 300}) each round's request gets the examples once: example messages
 * already present (marked with {@link #EXAMPLE} in their metadata) are taken out before they are
 * put in again.
 *
 * <p>The query the examples are chosen for is, in this order: the request's advisor parameter
 * {@link #QUERY} when given ({@code .advisors(a -> a.param(PoemAdvisor.QUERY, review))}); else the last
 * user message's text with what the task's user template adds taken off (a template
 * {@code "Review: {input}"} and the message {@code "Review: The shower was cold."} give
 * {@code "The shower was cold."}), or {@link Builder#queryOf} of that text.
 *
 * <p>Thread-safe when the poem's memory is (POEM's memories are).
 */
public final class PoemAdvisor implements CallAdvisor, StreamAdvisor {

    /** Where the {@link Selection} used is: a key of the advisor context and of the response metadata. */
    public static final String SELECTION = "mnemos.poem.selection";

    /** The advisor parameter that gives the query to choose examples for (a String), instead of the user message. */
    public static final String QUERY = "mnemos.poem.query";

    /** The metadata key that marks the example messages this advisor inserted (value {@code true}). */
    public static final String EXAMPLE = "mnemos.poem.example";

    /**
     * After the chat-memory advisors, before everything at order 0 and the model call: see the class
     * comment.
     */
    public static final int DEFAULT_ORDER = Advisor.DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER + 100;

    private final Poem poem;
    private final int order;
    private final UnaryOperator<String> queryOf;
    private final Consumer<Selection> onSelection;
    private final Scheduler scheduler;

    private PoemAdvisor(Builder b) {
        this.poem = Objects.requireNonNull(b.poem, "poem");
        this.order = b.order;
        this.queryOf = b.queryOf != null ? b.queryOf : new UserTemplate(poem.task().user())::input;
        this.onSelection = b.onSelection;
        this.scheduler = b.scheduler;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The poem the examples come from. */
    public Poem poem() {
        return poem;
    }

    @Override
    public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
        Advised advised = advise(request);
        return withSelection(chain.nextCall(advised.request()), advised.selection());
    }

    @Override
    public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
        return Mono.just(request)
                .publishOn(scheduler) // embedding the query is CPU work: not on the caller's event loop
                .map(this::advise)
                .flatMapMany(advised -> chain.nextStream(advised.request()).map(r -> withSelection(r, advised.selection())));
    }

    /** The answer to a request built with this selection earned this reward (e.g. 1 right, 0 wrong): the memory learns it. */
    public void feedback(Selection selection, double reward) {
        poem.feedback(Objects.requireNonNull(selection, "selection"), reward);
    }

    /** The selection used for a response of a ChatClient with this advisor (from its advisor context). */
    public static Optional<Selection> selection(ChatClientResponse response) {
        Object s = response.context().get(SELECTION);
        if (s instanceof Selection selection) return Optional.of(selection);
        return response.chatResponse() == null ? Optional.empty() : selection(response.chatResponse());
    }

    /** The selection used for a response of a ChatClient with this advisor (from its metadata). */
    public static Optional<Selection> selection(ChatResponse response) {
        Object s = response.getMetadata().get(SELECTION);
        return s instanceof Selection selection ? Optional.of(selection) : Optional.empty();
    }

    private Advised advise(ChatClientRequest request) {
        Prompt prompt = request.prompt();
        String query = query(request);
        Selection selection = poem.select(query);
        onSelection.accept(selection);
        Prompt withExamples = prompt.mutate()
                .messages(ExampleMessages.insert(prompt.getInstructions(), ExampleMessages.of(selection, poem.task())))
                .build();
        return new Advised(request.mutate().prompt(withExamples).context(SELECTION, selection).build(), selection);
    }

    private String query(ChatClientRequest request) {
        Object given = request.context().get(QUERY);
        if (given != null) {
            if (!(given instanceof String text) || text.isBlank()) {
                throw new IllegalArgumentException("the advisor parameter " + QUERY + " must be a text to choose examples for, got " + given);
            }
            return text;
        }
        return queryOf.apply(ExampleMessages.lastUserText(request.prompt().getInstructions()));
    }

    private static ChatClientResponse withSelection(ChatClientResponse response, Selection selection) {
        ChatResponse answer = response.chatResponse();
        ChatClientResponse.Builder out = response.mutate().context(SELECTION, selection);
        if (answer != null) out.chatResponse(ChatResponse.builder().from(answer).metadata(SELECTION, selection).build());
        return out.build();
    }

    @Override
    public String getName() {
        return "POEM few-shot examples";
    }

    @Override
    public int getOrder() {
        return order;
    }

    private record Advised(ChatClientRequest request, Selection selection) {}

    public static final class Builder {
        private Poem poem;
        private int order = DEFAULT_ORDER;
        private UnaryOperator<String> queryOf;
        private Consumer<Selection> onSelection = selection -> {};
        private Scheduler scheduler = BaseAdvisor.DEFAULT_SCHEDULER;

        private Builder() {}

        /** Where the examples come from and what learns from the feedback (e.g. {@code store.poem(encoder)}). Required. */
        public Builder poem(Poem poem) { this.poem = poem; return this; }

        /** Where the advisor runs among the ChatClient's advisors; default {@link #DEFAULT_ORDER}. */
        public Builder order(int order) { this.order = order; return this; }

        /**
         * The query to choose examples for, from the last user message's text; default that text with
         * the task's user template taken off. Give it when the user message wraps the query in words
         * of the application's own (or pass {@link #QUERY} with each request).
         */
        public Builder queryOf(UnaryOperator<String> queryOf) { this.queryOf = Objects.requireNonNull(queryOf); return this; }

        /** Hears each selection as it is made (to count them, say); default nothing. */
        public Builder onSelection(Consumer<Selection> onSelection) { this.onSelection = Objects.requireNonNull(onSelection); return this; }

        /** Where a streamed call's selection is made (embedding is CPU work); default Spring AI's advisors' boundedElastic. */
        public Builder scheduler(Scheduler scheduler) { this.scheduler = Objects.requireNonNull(scheduler); return this; }

        public PoemAdvisor build() {
            return new PoemAdvisor(this);
        }
    }
}
