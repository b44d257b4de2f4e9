package dev.mnemos.poem.reward;

import dev.mnemos.poem.ask.Reply;

import java.util.List;

/**
 * 1 if the normalised answer equals the expected one, else 0. With labels, the answer is first
 * read as a label (so "Sport." and "The topic is sport." both count as sport); an answer outside
 * the label set scores 0.
 */
public final class ExactMatch implements Reward {

    private final List<String> labels;

    public ExactMatch() {
        this(List.of());
    }

    public ExactMatch(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    @Override
    public double score(Reply reply, String expected) {
        String answer = labels.isEmpty() ? reply.text() : Answers.label(reply.text(), labels).orElse(null);
        return answer != null && Answers.normalize(answer).equals(Answers.normalize(expected)) ? 1 : 0;
    }
}
