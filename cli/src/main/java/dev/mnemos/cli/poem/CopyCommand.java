package dev.mnemos.cli.poem;

import dev.mnemos.cli.Cli;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code poem copy FROM TO}: moves a memory between a file and a shared PostgreSQL memory, either way. */
@Command(name = "copy", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = {
                "Copies a memory: its settings and tuned read, task, example pool, episodes (oldest first, so the oldest are evicted first there too), finished training queries and per-order rewards. FROM and TO are each a memory file or a jdbc:postgresql://HOST/DB URL.",
                "",
                "A TO that holds a memory is refused unless --force is given. A file is written whole through a temporary file and a rename; into a database, the episodes go in one transaction. A database's tables are created when missing. The password comes from --db-password, the URL, or POEM_DB_PASSWORD.",
                "",
                "  poem copy reviews.poem 'jdbc:postgresql://db.internal/poem' --db-user poem",
                "  poem copy 'jdbc:postgresql://db.internal/poem' backup.poem --db-user poem"})
final class CopyCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FROM", description = "A memory file made by poem train, or jdbc:postgresql://HOST[:PORT]/DB[?...].")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "A memory file, or jdbc:postgresql://HOST[:PORT]/DB[?...].")
    String to;

    @Option(names = "--force", description = "Replace what TO holds (a database's memory is emptied first).")
    boolean force;

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (MemoryStore source = database.open(from, StoreOptions.builder().writer("poem copy"), err)) {
            MemorySettings settings = source.settings();
            Task task = source.task().orElseThrow(() -> noPool(source));
            List<Example> pool = source.pool().orElseThrow(() -> noPool(source));
            StoreOptions.Builder into = StoreOptions.builder().create(settings).replace(force).lock(true).writer("poem copy");
            try (MemoryStore target = database.open(to, into, err)) {
                if (!target.isEmpty()) {
                    throw new DataException(target.location() + " already holds a memory of " + Cli.count(target.memory().size(), "episode")
                            + "; give --force to replace it");
                }
                target.describe(task, pool);
                target.storeRead(settings.read(), settings.tuned());
                target.addAll(source.memory().episodes());
                target.log().addAll(source.log().finishedInOrder(), source.log().stats());
                source.log().model().ifPresent(target.log()::model);
                Setup.save(target); // a file written whole; a database in one transaction
                spec.commandLine().getOut().printf("copied %s and %s from %s to %s%n", Cli.count(source.memory().size(), "episode"),
                        queries(source.log().finished().size()), source.location(), target.location());
            }
        }
        return 0;
    }

    private static DataException noPool(MemoryStore source) {
        return new DataException(source.location() + ": the memory there holds no task and example pool"
                + " (written before schema version 2, or through the Java API); train into it with poem train or copy a memory file into it");
    }

    /** "1 finished query", "1,440 finished queries". */
    private static String queries(int n) {
        return n == 1 ? "1 finished query" : String.format(java.util.Locale.ROOT, "%,d finished queries", n);
    }
}
