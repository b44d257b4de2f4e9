package dev.mnemos.poem.store;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.Weighting;

/**
 * The settings a stored memory was trained with, wherever it is stored (a {@link PoemFile}, a
 * database): what its episodes mean and how it is read.
 *
 * @param m         examples (shots) per prompt; its orders are permutations of m ranks
 * @param read      how the memory is read (k, weighting, sum or mean)
 * @param tuned     whether {@code read} was chosen by {@link dev.mnemos.poem.tune.ReadTuner} (else given or the default)
 * @param capacity  L, the most entries kept
 * @param encoder   the encoder's id; states from another encoder are not comparable
 * @param dimension the length of the states (the encoder's)
 * @param fallback  the order used when the memory knows nothing
 */
public record MemorySettings(int m, ReadSettings read, boolean tuned, int capacity, String encoder, int dimension, Permutation fallback) {

    public int k() { return read.k(); }

    public Weighting weighting() { return read.weighting(); }

    /** The same settings with another read. */
    public MemorySettings withRead(ReadSettings newRead, boolean newTuned) {
        return new MemorySettings(m, newRead, newTuned, capacity, encoder, dimension, fallback);
    }

    /**
     * New settings for a memory of this encoder: m shots, the read given (not tuned), capacity L and
     * the default order most similar first.
     */
    public static MemorySettings of(int m, ReadSettings read, int capacity, String encoder, int dimension) {
        return new MemorySettings(m, read, false, capacity, encoder, dimension, Permutation.identity(m));
    }
}
