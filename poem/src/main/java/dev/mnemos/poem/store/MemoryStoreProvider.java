package dev.mnemos.poem.store;

import java.io.IOException;

/**
 * Opens memories kept somewhere other than a file (a database), found through
 * {@link java.util.ServiceLoader}: an artifact that keeps memories somewhere registers one in
 * {@code META-INF/services/dev.mnemos.poem.store.MemoryStoreProvider}. The core needs none.
 */
public interface MemoryStoreProvider {

    /** Whether this provider opens {@code location} (e.g. it starts with {@code jdbc:postgresql:}). */
    boolean opens(String location);

    MemoryStore open(String location, StoreOptions options) throws IOException;
}
