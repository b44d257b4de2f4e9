package dev.mnemos.cli.poem;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.postgres.PostgresMemory;
import dev.mnemos.poem.store.MemoryLock;
import dev.mnemos.poem.store.PoemFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.mnemos.cli.Cli;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code poem tune}: chooses the memory's read again by cross-validation on its training episodes. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {
                "Chooses how the memory is read (k, similarity or plain weighting, sum or mean of the neighbours' rewards) by leave-one-query-out cross-validation on its training episodes, and saves the choice in the memory file. poem train does this at its end; run tune after changing the candidates with --k or --weighting.",
                "",
                "Each training query is held out in turn: every candidate picks an order from the other queries' episodes and is scored by the reward the held-out query earned with it. The test split is never used. Prints each candidate's score next to the best fixed order's.",
                "",
                "  poem tune --memory reviews.poem",
                "  poem tune --memory reviews.poem --k 10     # only k = 10; weighting and sum or mean still chosen",
                "  poem tune --memory 'jdbc:postgresql://db.internal/poem' --db-user poem"})
final class TuneCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin ReadOptions options;
    @Mixin DatabaseOptions database;

    @Option(names = "--memory", required = true, paramLabel = "FILE|URL",
            description = "A memory made by poem train, rewritten with the chosen read; or jdbc:postgresql://HOST/DB, where the read is stored for every process that opens it.")
    String memory;

    @Override
    public Integer call() throws Exception {
        if (DatabaseOptions.isDatabase(memory)) return tuneShared();
        Path memoryFile = Path.of(memory);
        PrintWriter out = spec.commandLine().getOut();
        try (MemoryLock lock = Setup.lock(memoryFile, "poem tune")) {
            PoemFile.Contents c = Setup.load(memoryFile, spec.commandLine().getErr());
            if (options.m != null && options.m != c.settings().m()) {
                throw new DataException(memoryFile + " was trained with m = " + c.settings().m() + "; --m " + options.m + " differs");
            }
            MemorySettings tuned = Tuning.tune(c.memory(), c.settings(), options, out);
            PoemFile.Contents updated = new PoemFile.Contents(tuned, c.task(), c.pool(), c.memory(), c.log());
            Cli.writing(memoryFile, () -> PoemFile.save(memoryFile, updated));
            out.println(memoryFile + ": read " + tuned.read() + (tuned.tuned() ? " (tuned)" : ""));
            out.flush();
        }
        return 0;
    }

    /** Tunes on the episodes the database holds and stores the read there (processes that open it later read so). */
    private int tuneShared() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (PostgresMemory shared = database.builder(memory, "poem tune").open()) {
            MemorySettings stored = shared.settings();
            if (options.m != null && options.m != stored.m()) {
                throw new DataException(PostgresMemory.redacted(memory) + " was trained with m = " + stored.m() + "; --m " + options.m + " differs");
            }
            MemorySettings tuned = Tuning.tune(shared.local(), stored, options, out);
            shared.storeRead(tuned.read(), tuned.tuned());
            out.println(PostgresMemory.redacted(memory) + ": read " + tuned.read() + (tuned.tuned() ? " (tuned)" : ""));
            out.flush();
        }
        return 0;
    }
}
