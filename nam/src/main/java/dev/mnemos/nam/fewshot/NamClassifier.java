package dev.mnemos.nam.fewshot;

import dev.mnemos.nam.tensor.NamMatrix;
import java.util.List;

/**
 * NAM as a few-shot classifier (Nam and Seo): the support set written into a {@code classes x d}
 * NAM memory, key the embedding, value the one-hot class; a query's scores are one read,
 * {@code M mu(q)}. With the delta rule ({@code p_w = p_e = 1}, the default) each write makes the
 * memory answer its example's class exactly and takes back what earlier examples put there, so the
 * memory is a linear map fitted to the support set (over a few passes, the least-squares one);
 * with sum writing ({@code p_e = 0}) a read is the sum of the cosines to each class's examples.
 */
public final class NamClassifier implements FewShotClassifier {

    private final float pw;
    private final float pe;
    private final int passes;
    private NamMatrix memory;

    /** The delta rule, one pass over the support set. */
    public NamClassifier() {
        this(1f, 1f, 1);
    }

    /**
     * @param pw the write probability
     * @param pe the erase probability
     * @param passes how many times the support set is written, in the same order
     */
    public NamClassifier(float pw, float pe, int passes) {
        if (passes < 1) {
            throw new IllegalArgumentException("passes = " + passes + " must be at least 1");
        }
        this.pw = pw;
        this.pe = pe;
        this.passes = passes;
    }

    @Override
    public String name() {
        String rule = pe == 0 ? "sum writing" : pe == 1 && pw == 1 ? "delta rule" : "p_w " + pw + ", p_e " + pe;
        return "NAM, " + rule + (passes > 1 ? ", " + passes + " passes" : "");
    }

    @Override
    public void fit(List<float[]> support, int[] labels, int classes) {
        memory = new NamMatrix(classes, support.get(0).length);
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < support.size(); i++) {
                float[] value = new float[classes];
                value[labels[i]] = 1;
                memory.write(support.get(i), value, pw, pe);
            }
        }
    }

    @Override
    public float[] scores(float[] query) {
        return memory.read(query, 1f);
    }
}
