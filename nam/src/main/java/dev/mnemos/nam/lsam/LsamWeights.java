package dev.mnemos.nam.lsam;

/**
 * Given (trained elsewhere) weights of an {@link LsamCell}. Every map reads the concatenation
 * {@code z = [x_t ; h_{t-1}]} of the input ({@code inputSize} values) and the previous output
 * ({@code hiddenSize} values).
 *
 * @param wq query map, {@code keySize} rows of {@code inputSize + hiddenSize}
 * @param bq query bias, {@code keySize}
 * @param wk key map, {@code keySize} rows
 * @param bk key bias, {@code keySize}
 * @param wv value map, {@code hiddenSize} rows
 * @param bv value bias, {@code hiddenSize}
 * @param wr read-probability weights, one row of {@code inputSize + hiddenSize}
 * @param br read-probability bias
 * @param ww write-probability weights, one row
 * @param bw write-probability bias
 */
public record LsamWeights(float[][] wq, float[] bq, float[][] wk, float[] bk, float[][] wv, float[] bv,
        float[] wr, float br, float[] ww, float bw) {

    public LsamWeights {
        int keySize = bq.length;
        int hiddenSize = bv.length;
        int width = wr.length;
        check(wq, keySize, width, "W_q");
        check(wk, keySize, width, "W_k");
        check(wv, hiddenSize, width, "W_v");
        if (bk.length != keySize) {
            throw new IllegalArgumentException("b_k has " + bk.length + " values, expected " + keySize);
        }
        if (ww.length != width) {
            throw new IllegalArgumentException("w_w has " + ww.length + " values, expected " + width);
        }
        if (width <= hiddenSize) {
            throw new IllegalArgumentException("the maps read " + width + " values, which leaves no room for an input "
                    + "besides the " + hiddenSize + " hidden values");
        }
    }

    public int keySize() {
        return bq.length;
    }

    public int hiddenSize() {
        return bv.length;
    }

    public int inputSize() {
        return wr.length - bv.length;
    }

    private static void check(float[][] w, int rows, int cols, String name) {
        if (w.length != rows) {
            throw new IllegalArgumentException(name + " has " + w.length + " rows, expected " + rows);
        }
        for (int i = 0; i < rows; i++) {
            if (w[i].length != cols) {
                throw new IllegalArgumentException(name + " row " + i + " has " + w[i].length + " values, expected " + cols);
            }
        }
    }
}
