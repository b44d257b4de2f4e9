package dev.mnemos.poem.ask;

import java.util.Map;

/**
 * A model's answer to one prompt.
 *
 * @param text            the answer as the model wrote it
 * @param firstTokenTop   log-probabilities of the most likely first tokens (token text to log p), as
 *                        OpenAI-compatible servers report them with {@code logprobs}; empty when the
 *                        backend reports none
 */
public record Reply(String text, Map<String, Double> firstTokenTop) {

    public Reply {
        firstTokenTop = Map.copyOf(firstTokenTop);
    }

    public static Reply of(String text) {
        return new Reply(text, Map.of());
    }

    public boolean hasLogProbs() {
        return !firstTokenTop.isEmpty();
    }
}
