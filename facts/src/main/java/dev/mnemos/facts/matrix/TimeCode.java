package dev.mnemos.facts.matrix;

/**
 * The temporal encoding of a write: its place t in the order of writes as {@code dims} sinusoids
 * (pairs {@code sin(t / 10000^(2j/dims)), cos(...)}, a Transformer's position code), stored with the
 * fact so that a read says when what it read was written. {@link #decode} finds the t whose code is
 * nearest; codes stay distinct for about 20,000 writes at 16 dimensions.
 */
public final class TimeCode {

    private final int dims;
    private final double[] rates;

    public TimeCode(int dims) {
        if (dims < 2 || dims % 2 != 0) {
            throw new IllegalArgumentException("a time code needs an even number of dimensions, got " + dims);
        }
        this.dims = dims;
        this.rates = new double[dims / 2];
        for (int j = 0; j < rates.length; j++) {
            rates[j] = Math.pow(10000, -2.0 * j / dims);
        }
    }

    public int dims() {
        return dims;
    }

    /** Writes the code of {@code t} into {@code out[from .. from + dims)}. */
    public void encode(long t, double[] out, int from) {
        for (int j = 0; j < rates.length; j++) {
            out[from + 2 * j] = Math.sin(t * rates[j]);
            out[from + 2 * j + 1] = Math.cos(t * rates[j]);
        }
    }

    /** The t in {@code [0, upTo)} whose code has the largest dot product with {@code code[from .. from + dims)}; 0 if upTo is 0. */
    public long decode(double[] code, int from, long upTo) {
        int n = rates.length;
        double[] sin = new double[n];
        double[] cos = new double[n];
        double[] stepSin = new double[n];
        double[] stepCos = new double[n];
        for (int j = 0; j < n; j++) {
            cos[j] = 1;
            stepSin[j] = Math.sin(rates[j]);
            stepCos[j] = Math.cos(rates[j]);
        }
        long best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (long t = 0; t < upTo; t++) {
            double dot = 0;
            for (int j = 0; j < n; j++) {
                dot += code[from + 2 * j] * sin[j] + code[from + 2 * j + 1] * cos[j];
                // t -> t + 1 by the angle-sum rule, no trigonometry in the loop
                double s = sin[j] * stepCos[j] + cos[j] * stepSin[j];
                cos[j] = cos[j] * stepCos[j] - sin[j] * stepSin[j];
                sin[j] = s;
            }
            if (dot > bestDot) {
                bestDot = dot;
                best = t;
            }
        }
        return best;
    }
}
