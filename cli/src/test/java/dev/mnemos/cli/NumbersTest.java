package dev.mnemos.cli;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cli's number formats write what String.format writes in Locale.ROOT. */
class NumbersTest {

    @Test
    void groupedIsFormatsCommaGrouping() {
        Random r = new Random(21);
        long[] edges = {0, 1, -1, 999, 1_000, -1_000, 999_999, 1_000_000, 11_849, 120_965, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long n : edges) assertEquals(String.format(Locale.ROOT, "%,d", n), Cli.grouped(n));
        for (int k = 0; k < 10_000; k++) {
            long n = r.nextLong() >> r.nextInt(64);
            assertEquals(String.format(Locale.ROOT, "%,d", n), Cli.grouped(n), () -> Long.toString(n));
        }
        assertEquals("11,850 cycles", Cli.count(11_850, "cycle"));
        assertEquals("1 model call", Cli.count(1, "model call"));
    }

    @Test
    void twoDecimalsIsFormatsRoundingHalfUp() {
        Random r = new Random(21);
        double[] edges = {0, -0.0, 0.005, 0.015, 0.125, 0.135, 1.005, 2.675, 0.994999, 0.995, 99.995, 1e-9, 1e20, -0.001, -1.005,
                Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY};
        for (double x : edges) assertEquals(String.format(Locale.ROOT, "%.2f", x), Cli.twoDecimals(x), () -> Double.toString(x));
        for (int k = 0; k < 10_000; k++) {
            double x = k % 2 == 0 ? r.nextDouble() * 100 : Math.round(r.nextDouble() * 100_000) / 1000.0 + 0.005;
            assertEquals(String.format(Locale.ROOT, "%.2f", x), Cli.twoDecimals(x), () -> Double.toString(x));
        }
    }
}
