package dev.mnemos.cli.poem;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.postgres.PostgresMemory;
import dev.mnemos.poem.postgres.StoreException;
import dev.mnemos.poem.store.PoemFile;
import picocli.CommandLine.Option;

/** The credentials of a {@code jdbc:postgresql:} memory (a picocli mixin). */
public class DatabaseOptions {

    @Option(names = "--db-user", paramLabel = "NAME", description = "Database user of a jdbc: memory (or user= in the URL).")
    String user;

    @Option(names = "--db-password", paramLabel = "SECRET",
            description = "Database password of a jdbc: memory (or password= in the URL, or the POEM_DB_PASSWORD environment variable).")
    String password;

    @Option(names = "--db-timeout", paramLabel = "SECONDS",
            description = "Longest wait for a jdbc: memory's database: to connect, for any answer, for a statement. A server that stops answering is then exit 20. Default: 30.")
    double timeout = PostgresMemory.DEFAULT_TIMEOUT.toSeconds();

    /**
     * The PostgreSQL driver logs some failures through java.util.logging (two lines on stderr that
     * echo the URL); the commands report every failure in one line of their own, so it is quiet.
     * Held here so that the setting is not collected with its logger.
     */
    private static final java.util.logging.Logger DRIVER_LOG = quiet(java.util.logging.Logger.getLogger("org.postgresql"));

    private static java.util.logging.Logger quiet(java.util.logging.Logger log) {
        log.setLevel(java.util.logging.Level.OFF);
        return log;
    }

    static boolean isDatabase(String memory) {
        return memory.startsWith("jdbc:");
    }

    /** Opens the shared memory at {@code url}; {@code settings} create it, or must match it. */
    PostgresMemory open(String url, MemorySettings settings, String writer) throws StoreException {
        return builder(url, writer).settings(settings).open();
    }

    /** A builder for the memory at {@code url} with these credentials; the caller adds the rest. */
    PostgresMemory.Builder builder(String url, String writer) {
        String secret = password != null ? password : System.getenv("POEM_DB_PASSWORD");
        if (!(timeout > 0) || timeout > 86_400) {
            throw new dev.mnemos.cli.Cli.Failure(dev.mnemos.cli.ExitCode.USAGE, "--db-timeout must be more than 0 and at most 86400 seconds, got " + timeout);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new dev.mnemos.cli.Cli.Failure(dev.mnemos.cli.ExitCode.USAGE, PostgresMemory.redacted(url)
                    + ": a memory in a database is a jdbc:postgresql://HOST/DB URL; no other database is supported");
        }
        return PostgresMemory.builder().url(url).user(user).password(secret).writer(writer + " " + ProcessHandle.current().pid())
                .timeout(java.time.Duration.ofMillis(Math.round(timeout * 1000)));
    }
}
