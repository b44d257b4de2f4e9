package dev.mnemos.cli.poem;

import dev.mnemos.cli.Cli;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.postgres.PostgresMemory;
import dev.mnemos.poem.store.MemoryLock;
import dev.mnemos.poem.store.PoemFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code poem copy FROM TO}: moves a memory between a file and a shared PostgreSQL memory, either way. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {
                "Copies a memory: its settings and tuned read, task, example pool, episodes (oldest first, so the oldest are evicted first there too), finished training queries and per-order rewards. FROM and TO are each a memory file or a jdbc:postgresql://HOST/DB URL.",
                "",
                "A TO that exists (a file) or holds a memory (a database) is refused unless --force is given. A file is written whole through a temporary file and a rename; into a database, the episodes go in one transaction. A database's tables are created when missing. The password comes from --db-password, the URL, or POEM_DB_PASSWORD.",
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
        if (!DatabaseOptions.isDatabase(to) && !force && Files.exists(Path.of(to))) { // before anything is opened
            throw new DataException(to + " exists; give --force to replace it");
        }
        PoemFile.Contents c;
        PostgresMemory source = null;
        try {
            if (DatabaseOptions.isDatabase(from)) {
                source = database.builder(from, "poem copy").open();
                c = source.contents();
            } else {
                c = Setup.load(Path.of(from), spec.commandLine().getErr());
            }
            if (DatabaseOptions.isDatabase(to)) intoDatabase(c);
            else intoFile(c, Path.of(to));
        } finally {
            if (source != null) source.close();
        }
        spec.commandLine().getOut().printf("copied %s and %s from %s to %s%n", Cli.count(c.memory().size(), "episode"),
                queries(c.log().finished().size()), PostgresMemory.redacted(from), PostgresMemory.redacted(to));
        return 0;
    }

    /** "1 finished query", "1,440 finished queries". */
    private static String queries(int n) {
        return n == 1 ? "1 finished query" : String.format(java.util.Locale.ROOT, "%,d finished queries", n);
    }

    private void intoFile(PoemFile.Contents c, Path file) throws IOException {
        try (MemoryLock lock = Setup.lock(file, "poem copy")) {
            if (!force && Files.exists(file)) throw new DataException(file + " exists; give --force to replace it");
            Cli.writing(file, () -> PoemFile.save(file, c));
        }
    }

    /** All the episodes in one transaction: the queue is never full and the timer never fires first. */
    private void intoDatabase(PoemFile.Contents c) throws IOException {
        try (PostgresMemory target = database.builder(to, "poem copy").settings(c.settings()).replace(force)
                .batchSize(c.memory().size() + 1).syncEvery(Duration.ofDays(1)).open()) {
            if (target.local().size() > 0 || !target.log().finished().isEmpty()) {
                throw new DataException(PostgresMemory.redacted(to) + " already holds a memory of " + target.local().size()
                        + " episodes; give --force to replace it");
            }
            target.describe(c.task(), c.pool());
            target.storeRead(c.settings().read(), c.settings().tuned());
            for (Episode e : c.memory().episodes()) target.write(e.state(), e.action(), e.reward());
            target.log().addAll(c.log().finishedInOrder(), c.log().stats());
            target.flush();
        }
    }
}
