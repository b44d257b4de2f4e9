package dev.mnemos.poem.postgres;

import dev.mnemos.poem.store.StoreException;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.MemoryStoreProvider;
import dev.mnemos.poem.store.MemoryStores;
import dev.mnemos.poem.store.StoreOptions;

/** Opens {@code jdbc:postgresql:} locations as {@link PostgresMemory} stores (registered for {@link java.util.ServiceLoader}). */
public final class PostgresStoreProvider implements MemoryStoreProvider {

    @Override
    public boolean opens(String location) {
        return ConnectionUrl.isPostgres(location);
    }

    /**
     * @throws dev.mnemos.poem.store.MemoryStores.UnknownLocationException when the URL cannot be read
     *         (a port that is not a number): no store opens it, as none opens another scheme
     */
    @Override
    public MemoryStore open(String location, StoreOptions options) throws StoreException {
        try {
            ConnectionUrl.parse(location);
        } catch (IllegalArgumentException e) {
            throw new MemoryStores.UnknownLocationException(e.getMessage());
        }
        PostgresMemory.Builder b = PostgresMemory.builder().url(location).user(options.user()).password(options.password())
                .writer(options.writer() + " " + ProcessHandle.current().pid()).settings(options.create()).replace(options.replace())
                .k(options.k()).weighting(options.weighting());
        if (options.encoder() != null) b.expect(options.encoder(), options.dimension(), options.m());
        if (options.exactUpTo() != null) b.exactUpTo(options.exactUpTo());
        if (options.timeout() != null) b.timeout(options.timeout());
        return b.open();
    }
}
