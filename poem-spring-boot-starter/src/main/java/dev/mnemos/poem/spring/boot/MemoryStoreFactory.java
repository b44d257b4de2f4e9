package dev.mnemos.poem.spring.boot;

import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.PoemException;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.MemoryStores;
import dev.mnemos.poem.store.StoreOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.util.ClassUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Opens the memory the properties name (a file, or the application's DataSource), creating it when
 * there is none yet, and gives it the task and example pool. Every failure is a
 * {@link PoemConfigurationException} naming the property to change.
 */
final class MemoryStoreFactory {

    static final String FILE = "mnemos.poem.memory.file";
    static final String DATA_SOURCE = "mnemos.poem.memory.data-source";
    static final String EXAMPLES = "mnemos.poem.examples";
    static final String TASK = "mnemos.poem.task";
    static final String M = "mnemos.poem.m";
    static final String POSTGRES_STORE = "dev.mnemos.poem.postgres.PostgresMemory";
    private static final Log LOG = LogFactory.getLog(MemoryStoreFactory.class);

    private final PoemProperties properties;
    private final Encoder encoder;
    private final String writer;

    MemoryStoreFactory(PoemProperties properties, Encoder encoder, String writer) {
        this.properties = properties;
        this.encoder = encoder;
        this.writer = writer;
    }

    MemoryStore open(Supplier<DataSource> dataSource) {
        MemoryStore store = properties.getMemory().isDataSource() ? openInDataSource(dataSource) : openFile();
        try {
            checkM(store);
            PoemProperties.Read read = properties.getRead();
            if (read.getAggregate() != null) store.memory().read(store.memory().read().withAggregate(read.getAggregate()));
            describe(store);
            return store;
        } catch (RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
    }

    /** What a memory made now is made with: m, the read, L, the encoder. */
    MemorySettings newSettings() {
        PoemProperties.Read r = properties.getRead();
        ReadSettings read = ReadSettings.DEFAULT;
        if (r.getK() != null) read = read.withK(r.getK());
        if (r.getWeighting() != null) read = read.withWeighting(r.getWeighting());
        if (r.getAggregate() != null) read = read.withAggregate(r.getAggregate());
        int m = properties.getM() != null ? properties.getM() : 4;
        return MemorySettings.of(m, read, properties.getMemory().getCapacity(), encoder.id(), encoder.dimension());
    }

    private MemoryStore openFile() {
        String file = properties.getMemory().getFile();
        StoreOptions.Builder options = StoreOptions.builder()
                .create(newSettings())
                .expect(encoder.id(), encoder.dimension(), null) // an existing memory's own m is checked below, by name
                .writer(writer)
                .k(properties.getRead().getK())
                .weighting(properties.getRead().getWeighting())
                .exactUpTo(properties.getMemory().getExactUpTo())
                .notes(LOG::info);
        try {
            return MemoryStores.open(file, options.build());
        } catch (PoemException e) {
            throw new PoemConfigurationException(FILE, file, e.getMessage() + hint(), e);
        } catch (IOException e) {
            throw new PoemConfigurationException(FILE, file, "cannot open it (" + e.getMessage() + ")", e);
        }
    }

    private MemoryStore openInDataSource(Supplier<DataSource> dataSource) {
        if (!ClassUtils.isPresent(POSTGRES_STORE, MemoryStoreFactory.class.getClassLoader())) {
            throw new PoemConfigurationException(DATA_SOURCE, "true", "a memory in the application's DataSource needs"
                    + " the artifact dev.mnemos:mnemos-poem-postgres on the class path; add it beside the starter");
        }
        DataSource ds = dataSource.get();
        if (ds == null) {
            throw new PoemConfigurationException(DATA_SOURCE, "true", "the application has no (single) DataSource bean"
                    + " (spring.datasource.url and spring-boot-starter-jdbc make one)");
        }
        return DataSourceMemory.open(ds, properties, newSettings(), encoder, writer);
    }

    private void checkM(MemoryStore store) {
        Integer wanted = properties.getM();
        int stored = store.settings().m();
        if (wanted != null && wanted != stored) {
            throw new PoemConfigurationException(M, String.valueOf(wanted), store.location() + " holds a memory of m = " + stored
                    + " examples per request; leave " + M + " out to use it, or give another memory");
        }
    }

    /** Gives the memory its task and pool: the properties', else the memory's own. */
    private void describe(MemoryStore store) {
        String examples = properties.getExamples();
        String taskAt = properties.getTask();
        Task task = taskAt != null ? Locations.task(TASK, taskAt) : store.task().orElse(Task.simple(List.of()));
        if (examples == null) {
            if (store.pool().isEmpty()) {
                throw new PoemConfigurationException(EXAMPLES, null, store.location() + " holds no example pool yet;"
                        + " give the examples' file (JSON Lines, {\"input\": ..., \"output\": ...} per line)");
            }
            if (taskAt == null) return;
        }
        List<Example> pool = examples != null ? Locations.examples(EXAMPLES, examples, task.labels()) : store.pool().orElseThrow();
        try {
            store.describe(task, pool);
        } catch (PoemException | IOException e) {
            throw new PoemConfigurationException(EXAMPLES, examples, e.getMessage()
                    + " (a memory learned orders of its own pool's examples: give the pool it was made with, or another memory)", e);
        }
    }

    private String hint() {
        return properties.getEncoder() == PoemProperties.EncoderKind.MINILM ? "" : " (mnemos.poem.encoder chooses the encoder)";
    }

    static void closeQuietly(MemoryStore store) {
        try {
            store.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("closing POEM's memory " + store.location() + ": " + e.getMessage());
        }
    }
}
