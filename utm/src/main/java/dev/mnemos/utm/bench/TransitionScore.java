package dev.mnemos.utm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a model did on one distinct transition prompt over its samples.
 *
 * @param state        the state whose prompt it is
 * @param symbols      the symbols read that give this prompt (two for U15,2's F, else one)
 * @param samples      answers received
 * @param correct      answers whose effect equals the reference transition's
 * @param unparseable  answers that are not an instruction in the parse mode
 * @param badWrites    answers that parsed but could not be written (a target outside the label alphabet, ...)
 * @param latencyNanos the wall time of each call
 * @param tokens       token counts, where the backend reported them
 * @param wrongAnswers the distinct wrong answers, most frequent first (at most {@link #KEPT_WRONG})
 */
public record TransitionScore(String state, List<String> symbols, int samples, int correct, int unparseable,
                              int badWrites, long[] latencyNanos, Tokens tokens, List<WrongAnswer> wrongAnswers) {

    /** How many distinct wrong answers a score keeps. */
    public static final int KEPT_WRONG = 5;

    /** What a report keeps of an answer or a problem: its first characters (a model may answer megabytes). */
    public static final int KEPT_CHARS = 1_000;

    /**
     * One distinct wrong answer: the raw text (its first {@value #KEPT_CHARS} characters), its whole
     * length, how often it came, and what was wrong with it.
     */
    public record WrongAnswer(String raw, int rawLength, int count, String problem) {}

    /** The first {@value #KEPT_CHARS} characters of {@code text}. */
    static String kept(String text) {
        return text == null || text.length() <= KEPT_CHARS ? text : text.substring(0, KEPT_CHARS);
    }

    public TransitionScore {
        symbols = List.copyOf(symbols);
        wrongAnswers = List.copyOf(wrongAnswers);
    }

    /** E.g. {@code G/0}, or {@code F/0,1} for a prompt two symbols share. */
    public String name() {
        return state + "/" + String.join(",", symbols);
    }

    /** Correct answers over samples, 0 when there were none. */
    public double accuracy() {
        return samples == 0 ? 0 : (double) correct / samples;
    }

    /** Whether every answer was correct. */
    public boolean passed() {
        return samples > 0 && correct == samples;
    }

    public Latencies latencies() {
        return Latencies.ofNanos(latencyNanos);
    }

    /** Collects one transition's answers as they come (not thread-safe). */
    static final class Tally {
        private final String state;
        private final List<String> symbols;
        private int samples;
        private int correct;
        private int unparseable;
        private int badWrites;
        private final List<Long> nanos = new ArrayList<>();
        private Tokens tokens = Tokens.NONE;
        private final Map<String, WrongAnswer> wrong = new LinkedHashMap<>();

        Tally(String state, List<String> symbols) {
            this.state = state;
            this.symbols = symbols;
        }

        void add(String raw, long latencyNanos, int inputTokens, int outputTokens, AnswerCheck.Verdict v) {
            samples++;
            nanos.add(latencyNanos);
            tokens = tokens.plus(inputTokens, outputTokens);
            switch (v.outcome()) {
                case CORRECT -> correct++;
                case UNPARSEABLE -> unparseable++;
                case BAD_WRITE -> badWrites++;
                case WRONG -> { }
            }
            if (!v.correct()) wrong.merge(kept(raw) + "\0" + raw.length() + "\0" + raw.hashCode(), new WrongAnswer(kept(raw), raw.length(), 1, kept(v.problem())),
                    (a, b) -> new WrongAnswer(a.raw(), a.rawLength(), a.count() + 1, a.problem()));
        }

        TransitionScore score() {
            List<WrongAnswer> kept = new ArrayList<>(wrong.values());
            kept.sort((a, b) -> Integer.compare(b.count(), a.count()));
            if (kept.size() > KEPT_WRONG) kept = kept.subList(0, KEPT_WRONG);
            long[] ns = nanos.stream().mapToLong(Long::longValue).toArray();
            return new TransitionScore(state, symbols, samples, correct, unparseable, badWrites, ns, tokens, kept);
        }
    }
}
