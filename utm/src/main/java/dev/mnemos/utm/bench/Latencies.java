package dev.mnemos.utm.bench;

import java.util.Arrays;

/**
 * Latency percentiles of a set of model calls, in milliseconds, by the nearest-rank method: the
 * p-th percentile of n sorted values is the value at rank ceil(p/100 * n), so it is always one of
 * the measured values.
 */
public record Latencies(int count, double p50, double p90, double p99, double mean, double max) {

    public static final Latencies NONE = new Latencies(0, 0, 0, 0, 0, 0);

    public static Latencies ofNanos(long[] nanos) {
        if (nanos.length == 0) return NONE;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) sum += v;
        return new Latencies(sorted.length, ms(rank(sorted, 50)), ms(rank(sorted, 90)), ms(rank(sorted, 99)),
                sum / sorted.length / 1e6, ms(sorted[sorted.length - 1]));
    }

    /** The nearest-rank percentile of sorted values. */
    static long rank(long[] sorted, int percent) {
        int r = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, r) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
