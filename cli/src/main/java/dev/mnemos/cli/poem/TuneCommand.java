package dev.mnemos.cli.poem;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.StoreOptions;
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
@Command(name = "tune", addMethodSubcommands = false, mixinStandardHelpOptions = true,
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
        PrintWriter out = spec.commandLine().getOut();
        try (MemoryStore store = database.open(memory, StoreOptions.builder().lock(true).writer("poem tune"), spec.commandLine().getErr())) {
            Setup.checkM(store, options.m);
            Tuning.tuneAndStore(store, options, out);
        }
        return 0;
    }
}
