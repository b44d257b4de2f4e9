package dev.mnemos.runtime.model;

/**
 * A model's raw answer to one prompt.
 *
 * @param text          the text the model produced, unparsed
 * @param inputTokens   prompt tokens as the backend counted them, or -1 when unknown
 * @param outputTokens  answer tokens as the backend counted them, or -1 when unknown
 */
public record Answer(String text, int inputTokens, int outputTokens) {

    public Answer {
        if (text == null) throw new IllegalArgumentException("answer text is null");
    }

    public static Answer of(String text) {
        return new Answer(text, -1, -1);
    }
}
