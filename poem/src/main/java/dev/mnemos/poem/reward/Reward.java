package dev.mnemos.poem.reward;

import dev.mnemos.poem.ask.Reply;

/** How good a model's answer was, for the memory to learn from. Implementations are thread-safe. */
@FunctionalInterface
public interface Reward {

    double score(Reply reply, String expected);

    /** Whether the model must report token log-probabilities for this reward. */
    default boolean needsLogProbs() {
        return false;
    }
}
