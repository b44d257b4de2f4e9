package dev.mnemos.poem.fewshot;

import dev.langchain4j.data.message.ChatMessage;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.Selection;

import java.util.List;
import java.util.Objects;

/**
 * Few-shot examples for a query as LangChain4j chat messages, in the order POEM's memory expects to
 * earn the most reward; and feedback on the answers, so that the memory keeps learning.
 *
 * <pre>{@code
 * FewShot fewShot = FewShot.of(poem);
 * Shots shots = fewShot.shots("The shower was cold all week.");
 * List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from("Classify the review.")));
 * messages.addAll(shots.messages());                       // user/assistant turns, best order
 * messages.add(UserMessage.from("The shower was cold all week."));
 * ChatResponse answer = model.chat(messages);
 * fewShot.feedback(shots.selection(), answer.aiMessage().text().contains("negative") ? 1 : 0);
 * }</pre>
 *
 * Thread-safe when the poem's estimator is (the episodic memory is).
 */
public final class FewShot {

    private final Poem poem;

    private FewShot(Poem poem) {
        this.poem = Objects.requireNonNull(poem, "poem");
    }

    public static FewShot of(Poem poem) {
        return new FewShot(poem);
    }

    public Poem poem() {
        return poem;
    }

    /** The examples for this query as user/assistant turns, in the chosen order. */
    public List<ChatMessage> select(String query) {
        return shots(query).messages();
    }

    /** The examples for this query as chat turns, with the {@link Selection} to give {@link #feedback} later. */
    public Shots shots(String query) {
        Selection s = poem.select(query);
        return new Shots(s, poem.task().exampleMessages(s.ordered()));
    }

    /** The answer to a request built with this selection earned this reward (e.g. 1 right, 0 wrong): the memory learns it. */
    public void feedback(Selection selection, double reward) {
        poem.feedback(selection, reward);
    }

    /** The examples chosen for a query and the chat turns they make. */
    public record Shots(Selection selection, List<ChatMessage> messages) {
        public Shots {
            messages = List.copyOf(messages);
        }
    }
}
