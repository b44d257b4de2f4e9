package dev.mnemos.cli.poem;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.cli.Cli;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.embed.EmbeddingCache;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.postgres.PostgresMemory;
import dev.mnemos.poem.postgres.StoreException;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.PoemFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A memory opened for use, from a file or a {@code jdbc:postgresql:} database: its contents, the
 * encoder, and a {@link Poem} over them; {@code shared} is the database's memory (null for a file),
 * closed with this.
 */
record Loaded(PoemFile.Contents contents, Encoder encoder, Poem poem, PostgresMemory shared) implements AutoCloseable {

    /** The read in use and where it comes from, e.g. {@code k = 30, similarity, mean (tuned)}. */
    String readNote() {
        ReadSettings used = contents.memory().read();
        MemorySettings stored = contents.settings();
        String where = shared == null ? "the file" : "the database";
        if (!used.equals(stored.read())) return used + " (from the command line; " + where + " keeps " + stored.read() + ")";
        return used + (stored.tuned() ? " (tuned)" : " (not tuned)");
    }

    /**
     * Opens the memory file, or the database's memory when {@code memory} is a {@code jdbc:} URL;
     * {@code k} and {@code weighting} may override the stored ones (they only affect reading).
     */
    static Loaded open(String memory, DatabaseOptions database, ReadOptions options, Task task, PrintWriter err) throws IOException {
        if (!DatabaseOptions.isDatabase(memory)) return open(Path.of(memory), options, task, err);
        PostgresMemory shared = database.builder(memory, "poem")
                .k(options == null ? null : options.k).weighting(options == null ? null : options.weighting).open();
        try {
            PoemFile.Contents c = shared.contents();
            String where = PostgresMemory.redacted(memory);
            checked(c, where, options);
            Encoder encoder = Encoder.builder().miniLm().onNote(err::println).build();
            checked(c, where, encoder);
            return new Loaded(c, encoder, poem(c, ExamplePool.of(c.pool(), encoder), encoder, task), shared);
        } catch (IOException | RuntimeException e) {
            shared.close();
            throw e;
        }
    }

    /** Opens the file; {@code k} and {@code weighting} may override the stored ones (they only affect reading). */
    static Loaded open(Path file, ReadOptions options, Task task, PrintWriter err) throws IOException {
        PoemFile.Contents c = Setup.load(file, err);
        checked(c, file.toString(), options);
        EpisodicMemory memory = c.memory();
        if (options != null) memory.read(Tuning.given(memory.read(), options)); // for this read only; the file keeps its own
        Encoder encoder = Setup.encoder(file, err);
        checked(c, file.toString(), encoder);
        ExamplePool pool = ExamplePool.of(c.pool(), encoder);
        Cli.writing(EmbeddingCache.besideMemory(file), () -> encoder.cache().save());
        return new Loaded(c, encoder, poem(c, pool, encoder, task), null);
    }

    @Override
    public void close() throws StoreException {
        if (shared != null) shared.close();
    }

    private static Poem poem(PoemFile.Contents c, ExamplePool pool, Encoder encoder, Task task) {
        return Poem.builder().pool(pool).encoder(encoder).estimator(c.memory())
                .task(task != null ? task : c.task()).m(c.settings().m()).fallback(c.settings().fallback()).build();
    }

    private static void checked(PoemFile.Contents c, String where, ReadOptions options) {
        if (options != null && options.m != null && options.m != c.settings().m()) {
            throw new DataException(where + " was trained with m = " + c.settings().m() + "; --m " + options.m + " differs");
        }
    }

    /** States from another encoder are not comparable with the query's. */
    private static void checked(PoemFile.Contents c, String where, Encoder encoder) {
        if (!c.settings().encoder().equals(encoder.id())) {
            throw new DataException(where + " was trained with the encoder " + c.settings().encoder() + "; this command uses " + encoder.id());
        }
        if (c.settings().dimension() != encoder.dimension()) {
            throw new DataException(where + ": damaged POEM memory" + (DatabaseOptions.isDatabase(where) ? "" : " file") + " (its states have " + c.settings().dimension() + " dimensions; "
                    + encoder.id() + " gives " + encoder.dimension() + ")");
        }
    }
}
