package dev.mnemos.poem.store;

import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.ActionValueEstimator;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.train.TrainingLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A POEM memory where it is kept: its settings, task and example pool, its episodes, its training
 * log. Opened by location through {@link MemoryStores#open}: a path is a {@link FileMemoryStore}
 * (core); a {@code jdbc:postgresql:} URL is the PostgreSQL store, when its artifact is on the class
 * path (found through {@link MemoryStoreProvider}). Commands and applications use every store the
 * same way; only where it keeps things differs, as with LangChain4j's {@code EmbeddingStore}.
 *
 * <p>Reads are answered from {@link #memory()}, an {@link EpisodicMemory} in this process; writes go
 * through {@link #estimator()} (for a file that is the same memory, for a database it also writes
 * through to the table). {@link #save()} makes what was written durable: the file is rewritten
 * atomically, the database commits. Closing saves nothing of its own accord for a file (call save)
 * and lets go of its lock; a database store commits what is queued and closes its connection.
 */
public interface MemoryStore extends AutoCloseable {

    /** Where the memory is, as messages print it: a path, or a URL without its secrets. */
    String location();

    /** The file the memory lives in, if it lives in one (an embedding cache may go beside it). */
    default Optional<Path> file() {
        return Optional.empty();
    }

    MemorySettings settings();

    /** The task template stored with the memory, if one was (by training or a copy). */
    Optional<Task> task();

    /** The example pool stored with the memory, if one was (its orders rank these examples). */
    Optional<List<Example>> pool();

    /** The memory reads are answered from (this process's copy). */
    EpisodicMemory memory();

    /** Where episodes are written (what {@link Poem#feedback} and training write to). */
    ActionValueEstimator estimator();

    /** Finished training queries, reward per order and the model the rewards came from. */
    TrainingLog log();

    /** Whether the memory holds no episode and no finished query (a new one). */
    default boolean isEmpty() {
        return memory().size() == 0 && log().finished().isEmpty();
    }

    /**
     * Stores the task and pool the memory is trained with when none is stored yet; one trained on
     * another pool is refused (its orders rank other examples).
     *
     * @throws DataException (exit 3 in the commands) when another pool is stored
     */
    void describe(Task task, List<Example> pool) throws IOException;

    /** Stores how the memory is read (as tuning chose it) and reads so from now on. */
    void storeRead(ReadSettings read, boolean tuned) throws IOException;

    /** Adds episodes oldest first (a copy), keeping the larger reward of a repeated (state, order). */
    void addAll(List<Episode> episodes) throws IOException;

    /** Makes what was written durable: the file is written whole (atomically), the database commits. */
    void save() throws IOException;

    /** Reads what others wrote meanwhile, where others can write (a database); a file has nothing to read. */
    default void refresh() throws IOException {}

    @Override
    void close() throws IOException;

    /** A {@link Poem} over this memory with its own task; see {@link #poem(Encoder, Task)}. */
    default Poem poem(Encoder encoder) {
        return poem(encoder, null);
    }

    /**
     * A {@link Poem} over this memory: its pool (embedded with {@code encoder}), its estimator, m and
     * default order, and {@code task} (null: the stored task).
     *
     * @throws DataException when {@code encoder} is not the one the memory was trained with, or the
     *                       memory holds no pool or task to select from
     */
    default Poem poem(Encoder encoder, Task task) {
        MemorySettings s = settings();
        if (!s.encoder().equals(encoder.id())) {
            throw new DataException(location() + " was trained with the encoder " + s.encoder() + "; this is " + encoder.id());
        }
        if (s.dimension() != encoder.dimension()) {
            throw new DataException(location() + ": damaged POEM memory (its states have " + s.dimension() + " dimensions; "
                    + encoder.id() + " gives " + encoder.dimension() + ")");
        }
        List<Example> examples = pool().orElseThrow(() -> noPool(location()));
        Task used = task != null ? task : task().orElseThrow(() -> noPool(location()));
        return Poem.builder().pool(ExamplePool.of(examples, encoder)).encoder(encoder).estimator(estimator())
                .task(used).m(s.m()).fallback(s.fallback()).build();
    }

    private static DataException noPool(String location) {
        return new DataException(location + ": the memory there holds no task and example pool"
                + " (written before schema version 2, or through the Java API); train into it with poem train or copy a memory file into it");
    }
}
