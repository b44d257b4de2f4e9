package dev.mnemos.poem.eval;

/**
 * A mean with its 95% confidence interval. For scores that are all 0 or 1 (accuracy) the Wilson
 * score interval; otherwise the normal approximation, mean +- 1.96 standard errors.
 */
public record Interval(double mean, double low, double high, int n) {

    private static final double Z = 1.959964;

    public static Interval of(double[] scores) {
        int n = scores.length;
        if (n == 0) return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        double sum = 0;
        boolean binary = true;
        for (double s : scores) {
            sum += s;
            binary &= s == 0 || s == 1;
        }
        double mean = sum / n;
        if (binary) {
            double z2 = Z * Z;
            double centre = (mean + z2 / (2 * n)) / (1 + z2 / n);
            double half = Z * Math.sqrt(mean * (1 - mean) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
            return new Interval(mean, Math.max(0, centre - half), Math.min(1, centre + half), n);
        }
        double var = 0;
        for (double s : scores) var += (s - mean) * (s - mean);
        double se = n > 1 ? Math.sqrt(var / (n - 1) / n) : 0;
        return new Interval(mean, mean - Z * se, mean + Z * se, n);
    }
}
