package dev.mnemos.nam.fewshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.grad.Rng;
import dev.mnemos.vectors.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Few-shot classification on embeddings made to look like sentence embeddings (a direction all
 * share, a centre per class, noise): both classifiers learn the classes, a NAM memory written with
 * shuffled labels learns nothing, and the scores that separate support-class queries from the
 * others are computed as defined.
 */
class FewShotStudyTest {

    static final int CLASSES = 12;
    static final int PER_CLASS = 30;

    /** Unit vectors: 0.5 of a shared direction, 0.6 of a class centre, 0.6 of noise, then normalised. */
    static List<float[]> embeddings(int d) {
        Rng rng = new Rng(5);
        float[] shared = gaussian(rng, d);
        List<float[]> out = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            float[] centre = gaussian(rng, d);
            for (int i = 0; i < PER_CLASS; i++) {
                float[] noise = gaussian(rng, d);
                float[] e = new float[d];
                for (int j = 0; j < d; j++) {
                    e[j] = 0.5f * shared[j] + 0.6f * centre[j] + 0.6f * noise[j];
                }
                out.add(Vectors.unit(e));
            }
        }
        return out;
    }

    private static float[] gaussian(Rng rng, int d) {
        float[] v = new float[d];
        for (int j = 0; j < d; j++) {
            v[j] = (float) (rng.nextGaussian() / Math.sqrt(d));
        }
        return Vectors.unit(v);
    }

    static int[] labels() {
        int[] labels = new int[CLASSES * PER_CLASS];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / PER_CLASS;
        }
        return labels;
    }

    /** NAM written with every support example's label replaced by a random one: it cannot learn the classes. */
    static final class ShuffledLabels implements FewShotClassifier {
        private final NamClassifier nam = new NamClassifier();
        private final Rng rng = new Rng(17);

        @Override
        public String name() {
            return "NAM, shuffled labels";
        }

        @Override
        public void fit(List<float[]> support, int[] labels, int classes) {
            int[] shuffled = new int[labels.length];
            for (int i = 0; i < shuffled.length; i++) {
                shuffled[i] = rng.nextInt(classes);
            }
            nam.fit(support, shuffled, classes);
        }

        @Override
        public float[] scores(float[] query) {
            return nam.scores(query);
        }
    }

    @Test
    void bothClassifiersLearnTheClassesAndShuffledLabelsDoNot() {
        List<FewShotStudy.Row> rows = FewShotStudy.builder().ways(5).shots(5).episodes(100)
                .classifier(PrototypeClassifier::new).classifier(NamClassifier::new).classifier(ShuffledLabels::new)
                .classifier(() -> new Centred(new NamClassifier()))
                .build().run(embeddings(64), labels(), CLASSES);

        assertEquals("cosine prototype", rows.get(0).classifier());
        assertTrue(rows.get(0).accuracy() > 0.9, "prototype " + rows.get(0).accuracy());
        assertTrue(rows.get(1).accuracy() > 0.8, "NAM " + rows.get(1).accuracy());
        assertTrue(rows.get(2).accuracy() < 0.35, "shuffled labels: about 1 in 5, " + rows.get(2).accuracy());
        // (its best score still tells support-class texts from others a little, AUROC about 0.7: a memory of the support
        // keys reads more near them, whatever labels they carry)
        assertTrue(rows.get(3).classifier().endsWith(", centred"));
        for (FewShotStudy.Row r : List.of(rows.get(0), rows.get(1))) {
            assertTrue(r.auroc() > 0.8, r.classifier() + " AUROC " + r.auroc());
        }
    }

    @Test
    void falsePositivesAndAurocAreWhatTheyClaim() {
        double[] ins = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0};
        double[] outs = {0.05, 0.15, 0.95, 0.35};
        // keeping 90% of ins sets the threshold at 0.1: three of the four outs are at or above it
        assertEquals(0.75, FewShotStudy.falsePositives(ins, outs, 0.9));
        // pairs where in beats out: 9 + 8 + 0 + 6 = 23 of 40
        assertEquals(23 / 40.0, FewShotStudy.auroc(ins, outs), 1e-12);
        assertEquals(0.5, FewShotStudy.auroc(new double[] {1, 1}, new double[] {1}), 1e-12, "ties count half");
    }
}
