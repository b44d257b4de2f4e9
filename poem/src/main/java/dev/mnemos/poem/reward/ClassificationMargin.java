package dev.mnemos.poem.reward;

import dev.mnemos.poem.ask.Reply;

import java.util.List;
import java.util.Map;

/**
 * log p(correct label) - max over the other labels of log p(label), read from the log-probabilities
 * of the answer's first token. A label's log p is that of the likeliest reported first token that
 * begins it (after normalisation); a label with no such token gets the lowest reported value, an
 * upper bound on its true one. Positive when the model prefers the correct label.
 *
 * <p>Labels should differ in their first token; otherwise the margin between them is 0.
 * OpenAI-compatible servers report log-probabilities; LangChain4j's Ollama client does not, and this
 * reward then refuses to score rather than guess.
 */
public final class ClassificationMargin implements Reward {

    private final List<String> labels;

    public ClassificationMargin(List<String> labels) {
        if (labels.size() < 2) throw new IllegalArgumentException("a classification margin needs at least two labels");
        this.labels = List.copyOf(labels);
    }

    @Override
    public boolean needsLogProbs() {
        return true;
    }

    @Override
    public double score(Reply reply, String expected) {
        Map<String, Double> top = reply.firstTokenTop();
        if (top.isEmpty()) {
            throw new IllegalStateException("the model reported no token log-probabilities; the classification"
                    + " margin needs an OpenAI-compatible backend (or use the exact-match reward)");
        }
        double floor = top.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double correct = logProb(expected, top, floor);
        double bestOther = Double.NEGATIVE_INFINITY;
        for (String label : labels) {
            if (!Answers.normalize(label).equals(Answers.normalize(expected))) {
                bestOther = Math.max(bestOther, logProb(label, top, floor));
            }
        }
        return correct - bestOther;
    }

    static double logProb(String label, Map<String, Double> top, double floor) {
        String target = Answers.normalize(label);
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> e : top.entrySet()) {
            String token = Answers.normalize(e.getKey());
            if (!token.isEmpty() && target.startsWith(token)) best = Math.max(best, e.getValue());
        }
        return best == Double.NEGATIVE_INFINITY ? floor : best;
    }
}
