package dev.mnemos.poem.graph;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class FloatDotTest {

    @Test
    void theBuildRunsTheVectorKernelBecauseSurefireAddsTheIncubatorModule() {
        assertTrue(FloatDot.BEST.name().startsWith("vector"), FloatDot.BEST.name());
    }

    @Test
    void bothKernelsGiveTheDotProductAtEveryLengthAroundTheirBlocks() {
        Random random = new Random(7);
        FloatDot[] kernels = {FloatDot.BEST, new FloatDot.Scalar()};
        for (int n : new int[]{0, 1, 7, 8, 15, 16, 17, 63, 64, 65, 127, 383, 384, 385, 1000}) {
            float[] a = new float[n], b = new float[n];
            double expected = 0, magnitude = 0;
            for (int i = 0; i < n; i++) {
                a[i] = (float) random.nextGaussian();
                b[i] = (float) random.nextGaussian();
                expected += (double) a[i] * b[i];
                magnitude += Math.abs((double) a[i] * b[i]);
            }
            for (FloatDot k : kernels) {
                assertEquals(expected, k.dot(a, b), 1e-5 * (1 + magnitude), k.name() + " at length " + n);
            }
        }
    }

    @Test
    void aVectorOfOnesCountsItsLength() {
        float[] ones = new float[385];
        java.util.Arrays.fill(ones, 1f);
        assertEquals(385f, FloatDot.BEST.dot(ones, ones));
        assertEquals(385f, new FloatDot.Scalar().dot(ones, ones));
    }
}
