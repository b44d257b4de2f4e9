package dev.mnemos.nam.fewshot;

import dev.mnemos.vectors.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier on centred embeddings: the mean of the support set is subtracted from every support
 * and query embedding (then they are made unit length again), which takes out the direction all
 * sentence embeddings share (two unrelated MiniLM texts have a cosine near 0.3, not 0).
 */
public final class Centred implements FewShotClassifier {

    private final FewShotClassifier inner;
    private float[] mean;

    public Centred(FewShotClassifier inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name() + ", centred";
    }

    @Override
    public void fit(List<float[]> support, int[] labels, int classes) {
        int d = support.get(0).length;
        mean = new float[d];
        for (float[] e : support) {
            for (int j = 0; j < d; j++) {
                mean[j] += e[j] / support.size();
            }
        }
        List<float[]> centred = new ArrayList<>();
        for (float[] e : support) {
            centred.add(centre(e));
        }
        inner.fit(centred, labels, classes);
    }

    @Override
    public float[] scores(float[] query) {
        return inner.scores(centre(query));
    }

    private float[] centre(float[] e) {
        float[] c = new float[e.length];
        for (int j = 0; j < e.length; j++) {
            c[j] = e[j] - mean[j];
        }
        return Vectors.norm(c) > 0 ? Vectors.unit(c) : c;
    }
}
