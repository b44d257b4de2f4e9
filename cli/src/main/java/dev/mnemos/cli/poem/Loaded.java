package dev.mnemos.cli.poem;

import dev.mnemos.cli.Cli;
import dev.mnemos.poem.Poem;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.embed.EmbeddingCache;
import dev.mnemos.embed.Encoder;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.PoemFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** A memory file opened for use: its contents, the encoder, and a {@link Poem} over them. */
record Loaded(PoemFile.Contents contents, Encoder encoder, Poem poem) {

    /** The read in use and where it comes from, e.g. {@code k = 30, similarity, mean (tuned)}. */
    String readNote() {
        ReadSettings used = contents.memory().read();
        PoemFile.Settings stored = contents.settings();
        if (!used.equals(stored.read())) return used + " (from the command line; the file keeps " + stored.read() + ")";
        return used + (stored.tuned() ? " (tuned)" : " (not tuned)");
    }

    /** Opens the file; {@code k} and {@code weighting} may override the stored ones (they only affect reading). */
    static Loaded open(Path file, ReadOptions options, Task task, PrintWriter err) throws IOException {
        PoemFile.Contents c = PoemFile.load(file);
        if (options != null && options.m != null && options.m != c.settings().m()) {
            throw new DataException(file + " was trained with m = " + c.settings().m() + "; --m " + options.m + " differs");
        }
        EpisodicMemory memory = c.memory();
        if (options != null) memory.read(Tuning.given(memory.read(), options)); // for this read only; the file keeps its own
        Encoder encoder = Setup.encoder(file, err);
        if (!c.settings().encoder().equals(encoder.id())) { // states from another encoder are not comparable with the query's
            throw new DataException(file + " was trained with the encoder " + c.settings().encoder() + "; this command uses " + encoder.id());
        }
        if (c.settings().dimension() != encoder.dimension()) {
            throw new DataException(file + ": damaged POEM memory file (its states have " + c.settings().dimension() + " dimensions; "
                    + encoder.id() + " gives " + encoder.dimension() + ")");
        }
        ExamplePool pool = ExamplePool.of(c.pool(), encoder);
        Cli.writing(EmbeddingCache.besideMemory(file), () -> encoder.cache().save());
        Poem poem = Poem.builder().pool(pool).encoder(encoder).estimator(memory)
                .task(task != null ? task : c.task()).m(c.settings().m()).fallback(c.settings().fallback()).build();
        return new Loaded(c, encoder, poem);
    }
}
