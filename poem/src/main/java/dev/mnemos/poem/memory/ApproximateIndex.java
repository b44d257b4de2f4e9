package dev.mnemos.poem.memory;

import java.io.IOException;
import java.util.ServiceLoader;

/**
 * A {@link StateIndex} that answers reads without scoring every state (a graph), which a memory
 * moves its states into past {@link EpisodicMemory.Builder#exactUpTo} distinct states. The core
 * has none: mnemos-poem-graph provides JVector's, found through {@link ServiceLoader}, or given to
 * {@link EpisodicMemory.Builder#approximate}; without one a memory scans every state exactly.
 */
public interface ApproximateIndex extends StateIndex {

    /**
     * Adds many states at once (slot i holds vectors[i]), before it returns: what moving a memory into
     * the index and loading one do. Slots must not be held yet.
     */
    void addAll(int[] slots, float[][] vectors);

    /** Candidates later reads keep (at least k); more is slower and nearer the exact read. */
    void searchBeam(int beam);

    /**
     * The index as a file keeps it; {@code numberOfSlot[slot]} is the number the file gives the state
     * in that slot. The memory's write lock is held.
     */
    SavedIndex save(int[] numberOfSlot) throws IOException;

    /** Makes approximate indexes; registered for {@link ServiceLoader} by the artifact that has one. */
    interface Provider {

        /** A new, empty index of states of {@code dimension} floats. */
        ApproximateIndex create(int dimension, int searchBeam);

        /**
         * The index a file kept, over the memory's states: state number i is in slot i and holds
         * {@code states[i]}.
         *
         * @throws IOException when the saved index does not fit these states or cannot be read
         */
        ApproximateIndex load(SavedIndex saved, float[][] states, int searchBeam) throws IOException;

        /** The first provider on the class path, or null when there is none. */
        static Provider found() {
            return Found.PROVIDER;
        }
    }

    /** Looked up once. */
    final class Found {
        private static final Provider PROVIDER = ServiceLoader.load(Provider.class, ApproximateIndex.class.getClassLoader())
                .findFirst().orElse(null);

        private Found() {}
    }
}
