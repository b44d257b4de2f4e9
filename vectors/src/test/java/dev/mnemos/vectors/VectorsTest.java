package dev.mnemos.vectors;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class VectorsTest {

    @Test
    void aDotProductOfARowOfAMatrixReadsFromItsOffset() {
        float[] matrix = {9, 9, 1, 2, 3, 9};
        assertEquals(1 * 4 + 2 * 5 + 3 * 6, Vectors.dot(matrix, 2, new float[] {4, 5, 6}, 3));
        assertEquals(32f, Vectors.dot(new float[] {1, 2, 3}, new float[] {4, 5, 6}));
        // at every length around its block of eight: FloatDotTest, through FloatDot.scalar()
    }

    @Test
    void vectorsOfDifferentLengthsAreRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vectors.dot(new float[2], new float[3]));
        assertEquals("a has 2 values but b has 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vectors.requireLength(new float[2], 4, "query"));
        assertEquals("query has 2 values, expected 4", e.getMessage());
    }

    @Test
    void axpyAddsAScaledVectorIntoARow() {
        float[] y = {1, 1, 1, 1};
        Vectors.axpy(2, new float[] {1, 2}, y, 1, 2);
        assertArrayEquals(new float[] {1, 3, 5, 1}, y);
    }

    @Test
    void aUnitVectorHasLengthOneAndTheDirectionOfItsSource() {
        float[] u = Vectors.unit(new float[] {3, 4});
        assertArrayEquals(new float[] {0.6f, 0.8f}, u, 1e-7f);
        assertEquals(1f, Vectors.norm(u), 1e-7f);
        float[] inPlace = {0, 5};
        Vectors.unit(inPlace, inPlace);
        assertArrayEquals(new float[] {0, 1}, inPlace);
    }

    @Test
    void aVectorWithNoDirectionHasNoUnitCopy() {
        assertEquals("cannot normalise an empty vector",
                assertThrows(IllegalArgumentException.class, () -> Vectors.unit(new float[0])).getMessage());
        assertEquals("cannot normalise a vector of length 0.0 (need a finite, non-zero vector of 3 values)",
                assertThrows(IllegalArgumentException.class, () -> Vectors.unit(new float[3])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Vectors.unit(new float[] {Float.NaN, 1}));
        assertThrows(IllegalArgumentException.class, () -> Vectors.unit(new float[] {Float.POSITIVE_INFINITY, 1}));
    }

    @Test
    void unitOnceKeepsAUnitVectorBitForBitWhereUnitMayMoveALastBit() {
        Random random = new Random(11);
        int moved = 0;
        for (int trial = 0; trial < 1000; trial++) {
            float[] v = new float[384];
            for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian();
            float[] once = Vectors.unit(v);
            if (!java.util.Arrays.equals(once, Vectors.unit(once))) moved++;
            assertArrayEquals(once, Vectors.unitOnce(once));
            assertNotSame(once, Vectors.unitOnce(once));
            assertArrayEquals(once, Vectors.unitOnce(v));
        }
        assertTrue(moved > 0, "normalising twice never moved a bit, so unitOnce would not be needed");
    }

    @Test
    void theCosineIgnoresLengthAndIsZeroForAZeroVector() {
        assertEquals(1f, Vectors.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-6f);
        assertEquals(0f, Vectors.cosine(new float[] {1, 0}, new float[] {0, 3}));
        assertEquals(0f, Vectors.cosine(new float[] {0, 0}, new float[] {1, 1}));
    }
}
