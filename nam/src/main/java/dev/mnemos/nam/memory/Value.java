package dev.mnemos.nam.memory;

import java.util.Arrays;
import java.util.Objects;

/**
 * A value stored in an {@link AssociativeMemory}: a vector, and the text it embeds when it came
 * from text ({@code null} for an arbitrary vector).
 */
public record Value(String text, float[] vector) {

    public Value {
        Objects.requireNonNull(vector, "vector");
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    boolean sameAs(String otherText, float[] otherVector) {
        return Objects.equals(text, otherText) && Arrays.equals(vector, otherVector);
    }

    float[] raw() {
        return vector;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && Objects.equals(text, v.text) && Arrays.equals(vector, v.vector);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(text) + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return text != null ? "Value[" + text + "]" : "Value[" + vector.length + " dims]";
    }
}
