package dev.mnemos.utm.bench;

import java.util.List;
import java.util.stream.LongStream;

/**
 * The result of one bench: the subject as it was asked, the model, a score per question, and the
 * totals. The subject's own formats turn it into the table, JSON and HTML users read.
 *
 * @param subject the subject asked (its boot, its dictionary: a repair round's differ)
 * @param scores  one per question, in the subject's order
 * @param seconds wall time of the bench
 */
public record Report<S extends Subject<S>>(S subject, ModelInfo model, Bench.Settings settings, List<Score> scores, double seconds) {

    public Report {
        scores = List.copyOf(scores);
    }

    /** Answers received: the model calls made. */
    public int calls() {
        return scores.stream().mapToInt(Score::samples).sum();
    }

    /** Right answers. */
    public int correct() {
        return scores.stream().mapToInt(Score::correct).sum();
    }

    /** Answers of {@code kind}, over every question. */
    public int count(String kind) {
        return scores.stream().mapToInt(s -> s.count(kind)).sum();
    }

    /** Right answers over all answers. */
    public double accuracy() {
        int calls = calls();
        return calls == 0 ? 0 : (double) correct() / calls;
    }

    /** The questions with at least one answer that was not right. */
    public List<Score> failing() {
        return scores.stream().filter(s -> !s.passed()).toList();
    }

    /** The questions whose every answer was right. */
    public int passedCount() {
        return scores.size() - failing().size();
    }

    /** Whether every answer to every question was right. */
    public boolean allPassed() {
        return failing().isEmpty();
    }

    /** The latencies of every call. */
    public Latencies latencies() {
        return Latencies.ofNanos(scores.stream().flatMapToLong(s -> LongStream.of(s.latencyNanos())).toArray());
    }

    public Tokens tokens() {
        return scores.stream().map(Score::tokens).reduce(Tokens.NONE, Tokens::plus);
    }
}
