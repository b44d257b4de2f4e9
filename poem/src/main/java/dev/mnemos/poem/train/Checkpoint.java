package dev.mnemos.poem.train;

import java.io.IOException;

/** Saves the memory and the training log, e.g. to the memory file. */
@FunctionalInterface
public interface Checkpoint {

    void save() throws IOException;

    Checkpoint NONE = () -> {};
}
