package dev.mnemos.poem.spring.boot;

import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.postgres.PostgresMemory;
import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.StoreException;

import javax.sql.DataSource;

/**
 * The memory in the application's own DataSource (mnemos-poem-postgres's {@link PostgresMemory}):
 * opened with one connection of the application's pool, held while the application runs. Loaded
 * only when {@code mnemos.poem.memory.data-source=true} and mnemos-poem-postgres is present.
 */
final class DataSourceMemory {

    private DataSourceMemory() {}

    static MemoryStore open(DataSource dataSource, PoemProperties p, MemorySettings settings, Encoder encoder, String writer) {
        PoemProperties.Memory memory = p.getMemory();
        PostgresMemory.Builder b = PostgresMemory.builder().dataSource(dataSource)
                .settings(settings)
                .expect(encoder.id(), encoder.dimension(), null) // an existing memory's own m is checked by name
                .writer(writer)
                .timeout(memory.getTimeout())
                .syncEvery(memory.getSyncEvery())
                .k(p.getRead().getK())
                .weighting(p.getRead().getWeighting());
        if (memory.getExactUpTo() != null) b.exactUpTo(memory.getExactUpTo());
        try {
            return b.open();
        } catch (StoreException e) {
            String hint = e.kind() == StoreException.Kind.MISMATCH ? " (mnemos.poem.encoder chooses the encoder)" : "";
            throw new PoemConfigurationException(MemoryStoreFactory.DATA_SOURCE, "true", e.getMessage() + hint, e);
        }
    }
}
