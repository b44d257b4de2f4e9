package dev.mnemos.cli.poem;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.poem.data.DataException;
import dev.mnemos.poem.memory.Episode;
import dev.mnemos.poem.postgres.PostgresMemory;
import dev.mnemos.poem.store.PoemFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code poem copy FILE jdbc:postgresql://...}: moves a memory file into a shared PostgreSQL memory. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {
                "Copies a memory file's episodes (oldest first, so the oldest are evicted first there too), finished training queries and per-order rewards into a PostgreSQL memory that processes share.",
                "",
                "The database must hold no episodes yet; its tables are created when missing. The password comes from --db-password, the URL, or POEM_DB_PASSWORD.",
                "",
                "  poem copy reviews.poem 'jdbc:postgresql://db.internal/poem' --db-user poem"})
final class CopyCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FROM", description = "A memory file made by poem train.")
    Path from;

    @Parameters(index = "1", paramLabel = "TO", description = "jdbc:postgresql://HOST[:PORT]/DB[?...]")
    String to;

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        if (!to.startsWith("jdbc:postgresql:")) {
            throw new Cli.Failure(ExitCode.USAGE, "TO must be a jdbc:postgresql://HOST/DB URL, not '" + to
                    + "' (copying out of a database into a file is not built)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PoemFile.Contents c = PoemFile.load(from);
        int episodes = 0;
        try (PostgresMemory shared = database.open(to, c.settings(), "poem copy " + from.getFileName())) {
            if (shared.local().size() > 0 || !shared.log().finished().isEmpty()) {
                throw new DataException(PostgresMemory.redacted(to) + " already holds " + shared.local().size()
                        + " episodes; copy into an empty memory");
            }
            for (Episode e : c.memory().episodes()) {
                shared.write(e.state(), e.action(), e.reward());
                episodes++;
            }
            shared.log().addAll(c.log().finishedInOrder(), c.log().stats());
            shared.flush();
        }
        out.printf("copied %d episodes and %d finished queries from %s to %s%n", episodes, c.log().finished().size(),
                from, PostgresMemory.redacted(to));
        return 0;
    }
}
