package dev.mnemos.nam.fewshot;

import dev.mnemos.nam.grad.Rng;
import java.util.ArrayList;
import java.util.List;

/** One N-way K-shot episode: the support set, the queries of its classes and those of N other classes. */
record Episode(List<Integer> support, int[] supportLabels, List<Integer> inQueries, int[] inLabels, List<Integer> outQueries,
        int ways) {

    static Episode draw(Rng rng, List<List<Integer>> byClass, int ways, int shots, int queries) {
        int[] classes = rng.permutation(byClass.size());
        List<Integer> support = new ArrayList<>();
        List<Integer> in = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        int[] supportLabels = new int[ways * shots];
        int[] inLabels = new int[ways * queries];
        for (int w = 0; w < ways; w++) {
            List<Integer> texts = byClass.get(classes[w]);
            if (texts.size() < shots + queries) {
                throw new IllegalArgumentException("a class has " + texts.size() + " texts, an episode needs " + (shots + queries));
            }
            int[] order = rng.permutation(texts.size());
            for (int s = 0; s < shots; s++) {
                supportLabels[support.size()] = w;
                support.add(texts.get(order[s]));
            }
            for (int q = 0; q < queries; q++) {
                inLabels[in.size()] = w;
                in.add(texts.get(order[shots + q]));
            }
            List<Integer> other = byClass.get(classes[ways + w]);
            int[] otherOrder = rng.permutation(other.size());
            for (int q = 0; q < queries; q++) {
                out.add(other.get(otherOrder[q]));
            }
        }
        return new Episode(support, supportLabels, in, inLabels, out, ways);
    }

    int asked() {
        return inQueries.size();
    }

    /** Fits {@code c} on the support set, adds every query's best score to {@code in} or {@code out}; returns how many support-class queries it got right. */
    int run(FewShotClassifier c, List<float[]> embeddings, List<Double> in, List<Double> out) {
        List<float[]> s = new ArrayList<>();
        for (int i : support) {
            s.add(embeddings.get(i));
        }
        c.fit(s, supportLabels, ways);
        int right = 0;
        for (int q = 0; q < inQueries.size(); q++) {
            float[] scores = c.scores(embeddings.get(inQueries.get(q)));
            int best = argmax(scores);
            right += best == inLabels[q] ? 1 : 0;
            in.add((double) scores[best]);
        }
        for (int i : outQueries) {
            float[] scores = c.scores(embeddings.get(i));
            out.add((double) scores[argmax(scores)]);
        }
        return right;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
