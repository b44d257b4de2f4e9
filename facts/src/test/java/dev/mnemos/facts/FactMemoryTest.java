package dev.mnemos.facts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactMemoryTest {

    private static FactMemory.Builder memory() {
        return FactMemory.builder().encoder(new RandomTextEncoder(64)).slots(256);
    }

    @Test
    void everyFactWrittenIsReadBackByItsKeyWithItsTime() {
        FactMemory m = memory().build();
        FactMemory plain = memory().settle(0).build();
        for (int i = 0; i < 200; i++) {
            m.write("key " + i, "value " + (i % 37));
            plain.write("key " + i, "value " + (i % 37));
        }

        int onTime = 0;
        for (int i = 0; i < 200; i++) {
            Recall r = m.read("key " + i).orElseThrow();
            assertEquals("value " + (i % 37), r.value(), "key " + i);
            Recall p = plain.read("key " + i).orElseThrow();
            assertEquals("value " + (i % 37), p.value(), "key " + i);
            assertTrue(p.confidence() > 0.8, "key " + i + ": " + p.confidence());
            onTime += p.time() == i ? 1 : 0;
        }
        assertTrue(onTime >= 190, "the temporal code of 190 of the 200 reads decodes to its write: " + onTime);
        assertEquals(200, m.facts());
        assertEquals(8L * (256 * 256 + 256 * (2 * 64 + 32)) + 4L * 64 * 256, m.matrixBytes(), "fixed by the slots");
    }

    @Test
    void aForgottenFactIsGoneAndTheOthersStay() {
        for (int settle : new int[] {0, 2}) {
            forgetHalf(memory().settle(settle).build(), settle);
        }
    }

    private static void forgetHalf(FactMemory m, int settle) {
        for (int i = 0; i < 100; i++) {
            m.write("key " + i, "value " + i);
        }
        for (int i = 0; i < 100; i += 2) {
            assertTrue(m.forget(Fact.of("key " + i, "value " + i)), "key " + i);
        }

        double forgotten = 0;
        double kept = 1;
        for (int i = 0; i < 100; i++) {
            Recall r = m.read("key " + i).orElseThrow();
            if (i % 2 == 0) {
                assertNotEquals("value " + i, r.value(), "key " + i + " was forgotten");
                forgotten = Math.max(forgotten, r.confidence());
            } else {
                assertEquals("value " + i, r.value(), "key " + i);
                kept = Math.min(kept, r.confidence());
            }
        }
        assertEquals(50, m.facts());
        if (settle == 0) {
            // a plain read finds less at every forgotten key than at any kept one (a settling read completes
            // the query to another stored key instead, and reads that key's value)
            assertTrue(forgotten < kept, "forgotten reads up to " + forgotten + ", kept ones from " + kept);
        }
    }

    @Test
    void forgettingIsExactInTheLeastSquaresSense() {
        FactMemory forgot = memory().recency(0).build();
        FactMemory never = memory().recency(0).build();
        forgot.write("a", "x");
        forgot.write("b", "y");
        forgot.write("c", "z");
        assertTrue(forgot.forget(Fact.of("b", "y")));
        never.write("a", "x");
        never.write("c", "z");

        // the key and value columns are those of a memory that never held b (the time columns differ: c came at 2, not 1)
        int width = 2 * 64 + FactMemory.TIME_DIMS;
        double[] a = forgot.matrix.matrix();
        double[] b = never.matrix.matrix();
        for (int slot = 0; slot < 256; slot++) {
            for (int k = 0; k < 2 * 64; k++) {
                assertEquals(b[slot * width + k], a[slot * width + k], 1e-9, "slot " + slot + ", column " + k);
            }
        }
        assertArrayEquals(never.matrix.inverse(), forgot.matrix.inverse(), 1e-9);
        assertEquals(2, forgot.read("c").orElseThrow().time());
    }

    @Test
    void whatTheMemoryDoesNotHoldIsNotForgotten() {
        FactMemory m = memory().build();
        assertFalse(m.forget(Fact.of("a", "x")), "empty");
        m.write("a", "x");
        m.write("b", "y");
        double[] before = m.matrix.matrix().clone();

        assertFalse(m.forget(Fact.of("a", "y")), "a holds x, not y");
        assertFalse(m.forget(Fact.of("c", "x")), "nothing at c");

        assertArrayEquals(before, m.matrix.matrix());
        assertEquals(2, m.facts());
    }

    @Test
    void anEditIsAForgetAndAWrite() {
        FactMemory m = memory().build();
        m.write("Ada lives in", "Oslo");
        m.write("Ben lives in", "Lima");

        assertTrue(m.forget(Fact.of("Ada lives in", "Oslo")));
        m.write("Ada lives in", "Rome");

        assertEquals("Rome", m.read("Ada lives in").orElseThrow().value());
        assertEquals("Lima", m.read("Ben lives in").orElseThrow().value());
        assertFalse(m.forget(Fact.of("Ada lives in", "Oslo")), "Oslo is no longer there");
    }

    @Test
    void theLaterOfTwoFactsAtOneKeyIsRead() {
        FactMemory m = memory().build();
        m.write("Ada lives in", "Oslo");
        for (int i = 0; i < 20; i++) {
            m.write("key " + i, "value " + i);
        }
        m.write("Ada lives in", "Rome");

        assertEquals("Rome", m.read("Ada lives in").orElseThrow().value());

        FactMemory timeless = memory().recency(0).build();
        timeless.write("Ada lives in", "Oslo");
        timeless.write("Ada lives in", "Rome");
        Recall blend = timeless.read("Ada lives in").orElseThrow();
        assertTrue(blend.confidence() < 0.8, "without recency the two values are averaged: " + blend.confidence());
    }

    @Test
    void hopsFollowAChainUntilItSettles() {
        FactMemory m = memory().build();
        m.write("the mentor of Ada", "Ben");
        m.write("the mentor of Ben", "Cara");
        m.write("the mentor of Cara", "Dan");
        for (int i = 0; i < 30; i++) {
            m.write("the mentor of person " + i, "person " + (i + 100));
        }

        List<Recall> two = m.hops("the mentor of Ada", a -> "the mentor of " + a, 2);
        List<Recall> all = m.hops("the mentor of Ada", a -> "the mentor of " + a, 3);

        assertEquals(List.of("Ben", "Cara"), two.stream().map(Recall::value).toList());
        assertEquals(List.of("Ben", "Cara", "Dan"), all.stream().map(Recall::value).toList());
        FactMemory sure = memory().minConfidence(0.5).build();
        sure.write("the mentor of Ada", "Ben");
        sure.write("the mentor of Ben", "Cara");
        assertEquals(List.of("Ben", "Cara"), sure.hops("the mentor of Ada", a -> "the mentor of " + a, 6).stream()
                .map(Recall::value).toList(), "the mentor of Cara is not known: the chain ends there");
    }

    @Test
    void thePseudoInverseReadRecallsAsManyFactsAsTheEncoderHasDimensions() {
        FactMemory m = memory().reading(Reading.PSEUDO_INVERSE).build();
        for (int i = 0; i < 40; i++) {
            m.write("key " + i, "value " + i);
        }
        for (int i = 0; i < 40; i++) {
            assertEquals("value " + i, m.read("key " + i).orElseThrow().value(), "key " + i);
        }
    }

    @Test
    void anEmptyMemoryReadsNothingAndBadSettingsAreRefused() {
        assertTrue(memory().build().read("anything").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> memory().slots(0));
        assertThrows(IllegalArgumentException.class, () -> memory().ridge(0));
        assertThrows(IllegalArgumentException.class, () -> memory().recency(-1));
        assertThrows(IllegalArgumentException.class, () -> Fact.of(" ", "x"));
        assertThrows(NullPointerException.class, () -> FactMemory.builder().build());
    }
}
