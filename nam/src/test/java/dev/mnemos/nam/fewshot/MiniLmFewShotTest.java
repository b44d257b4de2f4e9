package dev.mnemos.nam.fewshot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.embed.Encoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On real MiniLM embeddings of the generated topics: 4-way 3-shot, both classifiers name the topic of new texts. */
class MiniLmFewShotTest {

    @Test
    void bothClassifiersNameTheTopicOfNewTexts() {
        List<String> topics = List.of("cooking", "football", "finance", "weather");
        List<TopicTexts.Text> texts = TopicTexts.all(3).stream().filter(t -> topics.contains(t.label())).toList();
        Encoder encoder = Encoder.miniLm();
        List<float[]> support = new ArrayList<>();
        List<Integer> supportLabels = new ArrayList<>();
        List<float[]> queries = new ArrayList<>();
        List<Integer> queryLabels = new ArrayList<>();
        int[] seen = new int[topics.size()];
        for (TopicTexts.Text t : texts) {
            int c = topics.indexOf(t.label());
            if (seen[c] < 3) {
                support.add(encoder.encode(t.text()));
                supportLabels.add(c);
            } else if (seen[c] < 9) {
                queries.add(encoder.encode(t.text()));
                queryLabels.add(c);
            }
            seen[c]++;
        }
        int[] labels = supportLabels.stream().mapToInt(Integer::intValue).toArray();
        for (FewShotClassifier c : List.of(new PrototypeClassifier(), new NamClassifier())) {
            c.fit(support, labels, topics.size());
            int right = 0;
            for (int q = 0; q < queries.size(); q++) {
                float[] s = c.scores(queries.get(q));
                int best = 0;
                for (int i = 1; i < s.length; i++) {
                    best = s[i] > s[best] ? i : best;
                }
                right += best == queryLabels.get(q) ? 1 : 0;
            }
            assertTrue(right >= 20, c.name() + ": " + right + " of 24");
        }
    }
}
