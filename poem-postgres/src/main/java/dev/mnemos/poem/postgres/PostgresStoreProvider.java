package dev.mnemos.poem.postgres;

import dev.mnemos.poem.store.StoreException;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.MemoryStoreProvider;
import dev.mnemos.poem.store.StoreOptions;

/** Opens {@code jdbc:postgresql:} locations as {@link PostgresMemory} stores (registered for {@link java.util.ServiceLoader}). */
public final class PostgresStoreProvider implements MemoryStoreProvider {

    @Override
    public boolean opens(String location) {
        return ConnectionUrl.isPostgres(location);
    }

    @Override
    public MemoryStore open(String location, StoreOptions options) throws StoreException {
        PostgresMemory.Builder b = PostgresMemory.builder().url(location).user(options.user()).password(options.password())
                .writer(options.writer() + " " + ProcessHandle.current().pid()).settings(options.create()).replace(options.replace())
                .k(options.k()).weighting(options.weighting());
        if (options.encoder() != null) b.expect(options.encoder(), options.dimension(), options.m());
        if (options.exactUpTo() != null) b.exactUpTo(options.exactUpTo());
        if (options.timeout() != null) b.timeout(options.timeout());
        return b.open();
    }
}
