package dev.mnemos.poem.reward;

import dev.mnemos.poem.ask.Reply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** For generation: F1 of the word overlap between answer and reference (as in SQuAD), 0 to 1. */
public final class TokenF1 implements Reward {

    @Override
    public double score(Reply reply, String expected) {
        List<String> got = Answers.words(reply.text());
        List<String> want = Answers.words(expected);
        if (got.isEmpty() || want.isEmpty()) return got.isEmpty() && want.isEmpty() ? 1 : 0;
        Map<String, Integer> counts = new HashMap<>();
        for (String w : want) counts.merge(w, 1, Integer::sum);
        int common = 0;
        for (String w : got) {
            Integer c = counts.get(w);
            if (c != null && c > 0) {
                common++;
                counts.put(w, c - 1);
            }
        }
        if (common == 0) return 0;
        double precision = (double) common / got.size();
        double recall = (double) common / want.size();
        return 2 * precision * recall / (precision + recall);
    }
}
