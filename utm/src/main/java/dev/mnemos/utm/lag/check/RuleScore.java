package dev.mnemos.utm.lag.check;

import dev.mnemos.utm.bench.Latencies;
import dev.mnemos.utm.bench.Tokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one rule's lookups: answers asked for, accepted, exact, wrapped in prose, the wrong
 * answers (the most frequent distinct ones, with counts), latencies and tokens. A rule passes when
 * every answer was accepted.
 */
public record RuleScore(String key, String expected, int samples, int accepted, int exact, int wrapped,
                        List<WrongAnswer> wrongAnswers, Latencies latency, Tokens tokens) {

    /** A distinct wrong (or, in strict mode, wrapped) answer: its first characters, its whole length, how often it came. */
    public record WrongAnswer(String raw, int rawLength, int count) {}

    static final int WRONG_ANSWERS_KEPT = 5;

    /** What a report keeps of an answer: its first characters (a model may answer megabytes). */
    static final int KEPT_CHARS = 1_000;

    /** A kept answer from its tally key: the answer itself, or its first characters, its length and its hash. */
    private static WrongAnswer wrongAnswer(String key, int count) {
        int cut = key.indexOf('\0');
        if (cut < 0 || key.length() <= KEPT_CHARS) return new WrongAnswer(key, key.length(), count);
        String[] tail = key.substring(KEPT_CHARS + 1).split("\0");
        return new WrongAnswer(key.substring(0, KEPT_CHARS), Integer.parseInt(tail[0]), count);
    }

    public boolean passed() {
        return accepted == samples;
    }

    public double accuracy() {
        return samples == 0 ? 0 : (double) accepted / samples;
    }

    /** Collects one rule's answers (not thread-safe: one thread adds). */
    static final class Tally {
        private final String key;
        private final String expected;
        private final boolean lenient;
        private final List<Long> nanos = new ArrayList<>();
        private final Map<String, Integer> wrong = new LinkedHashMap<>();
        private int accepted;
        private int exact;
        private int wrapped;
        private Tokens tokens = Tokens.NONE;

        Tally(String key, String expected, boolean lenient) {
            this.key = key;
            this.expected = expected;
            this.lenient = lenient;
        }

        boolean add(String answer, long nanos, int inputTokens, int outputTokens) {
            this.nanos.add(nanos);
            tokens = tokens.plus(inputTokens, outputTokens);
            AnswerMatch m = AnswerMatch.of(answer, expected);
            if (m == AnswerMatch.EXACT) exact++;
            if (m == AnswerMatch.WRAPPED) wrapped++;
            boolean ok = m.accepted(lenient);
            if (ok) accepted++; else wrong.merge(answer.length() <= KEPT_CHARS ? answer : answer.substring(0, KEPT_CHARS) + "\0" + answer.length() + "\0" + answer.hashCode(), 1, Integer::sum);
            return ok;
        }

        RuleScore score() {
            List<WrongAnswer> top = wrong.entrySet().stream()
                    .sorted((a, b) -> b.getValue() - a.getValue())
                    .limit(WRONG_ANSWERS_KEPT)
                    .map(e -> wrongAnswer(e.getKey(), e.getValue())).toList();
            long[] ns = nanos.stream().mapToLong(Long::longValue).toArray();
            return new RuleScore(key, expected, ns.length, accepted, exact, wrapped, top, Latencies.ofNanos(ns), tokens);
        }
    }
}
