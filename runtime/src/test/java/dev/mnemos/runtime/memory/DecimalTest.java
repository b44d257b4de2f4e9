package dev.mnemos.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DecimalTest {

    @Test
    void writesWhatLongToStringWritesAndTheSmallOnesOnce() {
        for (long n : new long[] {0, 7, 105, Decimal.CACHED - 1, Decimal.CACHED, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertEquals(Long.toString(n), Decimal.of(n));
        }
        assertSame(Decimal.of(105), Decimal.of(105), "one String for a small integer");
        assertSame(new Memory().read("x"), Memory.DEFAULT_BLANK);
        Memory m = new Memory();
        m.put("i", 105);
        assertSame(Decimal.of(105), m.read("i"), "memory reads an integer through it");
    }
}
