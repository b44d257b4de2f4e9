package dev.mnemos.utm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model did on one question over its samples.
 *
 * @param question     the question's index in its subject
 * @param name         its name in reports
 * @param samples      answers received
 * @param correct      answers the subject judged right
 * @param kinds        answers of each kind the verdicts named ({@link Verdict#kind()}), right or wrong
 * @param latencyNanos the wall time of each call
 * @param tokens       token counts, where the backend reported them
 * @param wrongAnswers the distinct wrong answers, most frequent first (at most {@value #KEPT_WRONG})
 */
public record Score(int question, String name, int samples, int correct, Map<String, Integer> kinds, long[] latencyNanos,
                    Tokens tokens, List<WrongAnswer> wrongAnswers) {

    /** How many distinct wrong answers a score keeps. */
    public static final int KEPT_WRONG = 5;

    /** What a report keeps of an answer or a problem: its first characters (a model may answer megabytes). */
    public static final int KEPT_CHARS = 1_000;

    /**
     * One distinct wrong answer: the raw text (its first {@value #KEPT_CHARS} characters), its whole
     * length, how often it came, and what was wrong with it (null when the subject says nothing more).
     */
    public record WrongAnswer(String raw, int rawLength, int count, String problem) {
        /** Whether {@link #raw} is the answer's start only. */
        public boolean cut() {
            return rawLength > raw.length();
        }
    }

    public Score {
        kinds = Map.copyOf(kinds);
        wrongAnswers = List.copyOf(wrongAnswers);
    }

    /** Right answers over samples, 0 when there were none. */
    public double accuracy() {
        return samples == 0 ? 0 : (double) correct / samples;
    }

    /** Whether every answer was right. */
    public boolean passed() {
        return samples > 0 && correct == samples;
    }

    /** Answers of {@code kind}. */
    public int count(String kind) {
        return kinds.getOrDefault(kind, 0);
    }

    public Latencies latencies() {
        return Latencies.ofNanos(latencyNanos);
    }

    /** The first {@value #KEPT_CHARS} characters of {@code text}. */
    static String kept(String text) {
        return text == null || text.length() <= KEPT_CHARS ? text : text.substring(0, KEPT_CHARS);
    }

    /** Collects one question's answers as they come (not thread-safe: one thread adds). */
    static final class Tally {
        private final int question;
        private final String name;
        private int samples;
        private int correct;
        private final Map<String, Integer> kinds = new LinkedHashMap<>();
        private final List<Long> nanos = new ArrayList<>();
        private Tokens tokens = Tokens.NONE;
        /** Keyed by what is kept of the answer, its length and its hash: megabyte answers are not held whole. */
        private final Map<String, WrongAnswer> wrong = new LinkedHashMap<>();

        Tally(int question, String name) {
            this.question = question;
            this.name = name;
        }

        void add(String raw, long latencyNanos, int inputTokens, int outputTokens, Verdict v) {
            samples++;
            nanos.add(latencyNanos);
            tokens = tokens.plus(inputTokens, outputTokens);
            if (v.kind() != null) kinds.merge(v.kind(), 1, Integer::sum);
            if (v.correct()) {
                correct++;
                return;
            }
            wrong.merge(kept(raw) + "\0" + raw.length() + "\0" + raw.hashCode(), new WrongAnswer(kept(raw), raw.length(), 1, kept(v.problem())),
                    (a, b) -> new WrongAnswer(a.raw(), a.rawLength(), a.count() + 1, a.problem()));
        }

        Score score() {
            List<WrongAnswer> kept = new ArrayList<>(wrong.values());
            kept.sort((a, b) -> Integer.compare(b.count(), a.count()));
            if (kept.size() > KEPT_WRONG) kept = kept.subList(0, KEPT_WRONG);
            long[] ns = nanos.stream().mapToLong(Long::longValue).toArray();
            return new Score(question, name, samples, correct, kinds, ns, tokens, kept);
        }
    }
}
