package dev.mnemos.nam.fewshot;

import java.util.List;

/**
 * A classifier learnt from a few labelled examples (the support set): one score per class for a
 * query; the prediction is the class scored highest, and a query whose best score is below a
 * threshold can be refused as of no class in the support set.
 */
public interface FewShotClassifier {

    /** The name in tables and charts. */
    String name();

    /** Learns the support set: unit-length embeddings and their classes, {@code 0 .. classes - 1}. */
    void fit(List<float[]> support, int[] labels, int classes);

    /** One score per class for a unit-length query embedding. */
    float[] scores(float[] query);
}
