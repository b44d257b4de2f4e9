package dev.mnemos.poem.memory;

/**
 * Finds the stored states nearest a query. The memory numbers its distinct states by slot and tells
 * the index when a slot gets a state or loses it; the index answers with slots.
 *
 * <p>Vectors are unit length, so the dot product is the cosine. The memory's lock guards every
 * call: adds and removes never run with each other or with a search, searches may run together.
 */
public interface StateIndex {

    /** The state in {@code slot} is now {@code vector} (unit length; kept by reference, not copied). */
    void add(int slot, float[] vector);

    /** The slot no longer holds a state. */
    void remove(int slot);

    /**
     * Called before a write changes anything: an index that cannot take states (say, after a
     * failed insert it could not mend) throws here, so that the memory stays as it was.
     */
    default void ready() {}

    /** Slots of the {@code count} stored states with the highest dot product with q, best first, ties by slot. */
    int[] nearest(float[] q, int count);
}
