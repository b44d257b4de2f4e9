package dev.mnemos.utm.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatenciesTest {

    static long[] millis(long... ms) {
        return LongStream.of(ms).map(m -> m * 1_000_000).toArray();
    }

    @Test
    void percentilesOfOneToAHundredMillisecondsAreTheNearestRanks() {
        long[] shuffled = LongStream.rangeClosed(1, 100).map(k -> (k * 37) % 100 + 1).toArray();
        Latencies l = Latencies.ofNanos(millis(shuffled));
        assertEquals(100, l.count());
        assertEquals(50.0, l.p50());
        assertEquals(90.0, l.p90());
        assertEquals(99.0, l.p99());
        assertEquals(50.5, l.mean(), 1e-9);
        assertEquals(100.0, l.max());
    }

    @Test
    void aFewValuesGiveMeasuredValuesNotInterpolatedOnes() {
        Latencies l = Latencies.ofNanos(millis(40, 10, 30, 20));
        assertEquals(20.0, l.p50());
        assertEquals(40.0, l.p90());
        assertEquals(40.0, l.p99());
        Latencies one = Latencies.ofNanos(millis(7));
        assertEquals(7.0, one.p50());
        assertEquals(7.0, one.p99());
    }

    @Test
    void noCallsGiveZeroes() {
        assertEquals(Latencies.NONE, Latencies.ofNanos(new long[0]));
    }
}
