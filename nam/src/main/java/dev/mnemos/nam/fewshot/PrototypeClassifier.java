package dev.mnemos.nam.fewshot;

import dev.mnemos.vectors.Vectors;
import java.util.List;

/** The baseline: each class's prototype is the mean of its support embeddings; a query scores the cosine to each. */
public final class PrototypeClassifier implements FewShotClassifier {

    private float[][] prototypes;

    @Override
    public String name() {
        return "cosine prototype";
    }

    @Override
    public void fit(List<float[]> support, int[] labels, int classes) {
        int d = support.get(0).length;
        float[][] sums = new float[classes][d];
        for (int i = 0; i < support.size(); i++) {
            float[] e = support.get(i);
            for (int j = 0; j < d; j++) {
                sums[labels[i]][j] += e[j];
            }
        }
        prototypes = sums;
    }

    @Override
    public float[] scores(float[] query) {
        float[] s = new float[prototypes.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = Vectors.cosine(query, prototypes[c]);
        }
        return s;
    }
}
