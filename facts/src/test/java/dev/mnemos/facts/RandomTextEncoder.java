package dev.mnemos.facts;

import dev.mnemos.nam.memory.TextEncoder;
import dev.mnemos.nam.tensor.RandomVectors;
import java.util.Random;

/** A test encoder: every distinct text gets its own random unit vector (seeded by the text), so distinct keys are nearly orthogonal. */
public final class RandomTextEncoder implements TextEncoder {

    private final int dimension;

    public RandomTextEncoder(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public float[] encode(String text) {
        return RandomVectors.unit(new Random(text.hashCode()), dimension);
    }
}
