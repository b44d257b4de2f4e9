package dev.mnemos.poem.train;

import java.io.IOException;

/**
 * Saves the memory and the training log while training runs, e.g. to the memory file. (Not the
 * runtime's {@code Checkpoint}, which is a saved state of a string-memory run.)
 */
@FunctionalInterface
public interface Saver {

    void save() throws IOException;

    Saver NONE = () -> {};
}
