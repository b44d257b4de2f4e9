package dev.mnemos.nam.attention;

/**
 * Attention over a sequence: queries {@code Q} (S x d_k), keys {@code K} (S x d_k) and values
 * {@code V} (S x d_v) give one output row of {@code d_v} values per query.
 */
public interface Attention {

    float[][] attend(float[][] queries, float[][] keys, float[][] values);
}
