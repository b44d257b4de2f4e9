package dev.mnemos.nam.memory;

/**
 * What {@link AssociativeMemory#get} returns.
 *
 * @param read the raw vector read from the memory matrix, {@code M mu(q)}
 * @param value the stored value nearest to {@code read} (clean-up by cosine)
 * @param confidence the cosine between {@code read} and {@code value}, in [-1, 1]; 1 means the
 *     read is exactly (a multiple of) that value
 */
public record Recall(float[] read, Value value, float confidence) {

    /** The value's text, or {@code null} when the value is an arbitrary vector. */
    public String text() {
        return value.text();
    }
}
