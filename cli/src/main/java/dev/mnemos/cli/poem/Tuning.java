package dev.mnemos.cli.poem;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.tune.ReadTuner;
import dev.mnemos.poem.tune.TuningReport;

import java.io.PrintWriter;
import java.util.List;

/** Choosing the read by cross-validation on the memory's (training) episodes, as train and tune do it. */
final class Tuning {

    private Tuning() {}

    /**
     * Tunes the memory's read among the candidates {@code --k} and {@code --weighting} allow (all when
     * unset), prints the table to {@code out}, sets the memory's read and returns the settings to save.
     * With nothing to tune on, the read given (or kept) stays, and the table says why.
     */
    static MemorySettings tune(EpisodicMemory memory, MemorySettings settings, ReadOptions options, PrintWriter out) {
        ReadTuner.Builder tuner = ReadTuner.builder();
        if (options.k != null) tuner.ks(List.of(options.k));
        if (options.weighting != null) tuner.weightings(List.of(options.weighting));
        TuningReport report = options.k != null ? tuner.build().tune(memory.episodes()) : tuner.build().tune(memory);
        out.print(report.table());
        if (!report.tuned()) {
            ReadSettings given = given(settings.read(), options);
            memory.read(given);
            return settings.withRead(given, false);
        }
        memory.read(report.chosen());
        return settings.withRead(report.chosen(), true);
    }

    /**
     * Tunes the read on every episode the memory holds (others' too, for a database), stores the
     * choice with the memory, saves it and says so: the end of {@code poem train}, and {@code poem tune}.
     */
    static void tuneAndStore(MemoryStore store, ReadOptions options, PrintWriter out) throws java.io.IOException {
        store.refresh();
        MemorySettings tuned = tune(store.memory(), store.settings(), options, out);
        store.storeRead(tuned.read(), tuned.tuned());
        Setup.save(store);
        out.println(store.location() + ": read " + tuned.read() + (tuned.tuned() ? " (tuned)" : ""));
        out.flush();
    }

    /** The read with {@code --k} and {@code --weighting} put in where given. */
    static ReadSettings given(ReadSettings read, ReadOptions options) {
        ReadSettings r = read;
        if (options.k != null) r = r.withK(options.k);
        if (options.weighting != null) r = r.withWeighting(options.weighting);
        return r;
    }
}
