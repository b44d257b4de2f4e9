package dev.mnemos.poem.reward;

import dev.mnemos.poem.ask.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class RewardTest {

    static final List<String> LABELS = List.of("positive", "negative");

    @Test
    void exactMatchReadsTheLabelThroughProseAndCase() {
        ExactMatch exact = new ExactMatch(LABELS);
        assertEquals(1, exact.score(Reply.of("Positive."), "positive"));
        assertEquals(1, exact.score(Reply.of("  The answer is positive.\nBecause the room was clean."), "positive"));
        assertEquals(0, exact.score(Reply.of("negative"), "positive"));
        assertEquals(0, exact.score(Reply.of("It could be positive or negative."), "positive"), "naming both labels is no answer");
        assertEquals(0, exact.score(Reply.of("neutral"), "positive"), "an answer outside the label set scores 0");
    }

    @Test
    void withoutLabelsExactMatchComparesTheNormalisedWholeAnswer() {
        ExactMatch exact = new ExactMatch();
        assertEquals(1, exact.score(Reply.of(" Paris. "), "paris"));
        assertEquals(0, exact.score(Reply.of("It is Paris"), "paris"));
    }

    @Test
    void labelsAreReadOnlyFromTheFirstLine() {
        assertEquals(Optional.of("negative"), Answers.label("negative\n(not positive)", LABELS));
        assertEquals(Optional.empty(), Answers.label("I am not sure.\nnegative", LABELS));
    }

    @Test
    void marginIsTheCorrectLabelsLogProbabilityOverTheBestOther() {
        ClassificationMargin margin = new ClassificationMargin(LABELS);
        Reply reply = new Reply("positive", Map.of("positive", -0.2, " neg", -1.9, "Pos", -2.5, "The", -3.0));
        assertEquals(-0.2 - -1.9, margin.score(reply, "positive"), 1e-9);
        assertEquals(-1.9 - -0.2, margin.score(reply, "negative"), 1e-9);
    }

    @Test
    void aLabelMissingFromTheTopTokensGetsTheLowestReportedValue() {
        ClassificationMargin margin = new ClassificationMargin(LABELS);
        Reply reply = new Reply("positive", Map.of("positive", -0.1, "The", -4.0));
        assertEquals(-0.1 - -4.0, margin.score(reply, "positive"), 1e-9);
    }

    @Test
    void marginRefusesAnAnswerWithoutLogProbabilities() {
        var e = assertThrows(IllegalStateException.class, () -> new ClassificationMargin(LABELS).score(Reply.of("positive"), "positive"));
        assertTrue(e.getMessage().contains("no token log-probabilities"));
    }

    @Test
    void tokenF1CountsOverlappingWords() {
        TokenF1 f1 = new TokenF1();
        assertEquals(1.0, f1.score(Reply.of("The cat sat."), "the cat sat"), 1e-9);
        assertEquals(0.0, f1.score(Reply.of("dogs run"), "the cat sat"), 1e-9);
        // 2 common of 4 answered and 3 expected: p = 0.5, r = 2/3, F1 = 4/7
        assertEquals(4.0 / 7, f1.score(Reply.of("the cat is here"), "the cat sat"), 1e-9);
    }
}
