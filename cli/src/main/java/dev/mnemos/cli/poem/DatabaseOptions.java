package dev.mnemos.cli.poem;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.MemoryStores;
import dev.mnemos.poem.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * How a command reaches a memory kept in a database (a picocli mixin): credentials and the longest
 * wait. Every command opens its memory through {@link #open}, whatever the location is.
 */
@Command(addMethodSubcommands = false) // (see Cli: no scan of its methods for subcommands at start-up)
public class DatabaseOptions {

    @Option(names = "--db-user", paramLabel = "NAME", description = "Database user of a jdbc: memory (or user= in the URL).")
    String user;

    @Option(names = "--db-password", paramLabel = "SECRET",
            description = "Database password of a jdbc: memory (or password= in the URL, or the POEM_DB_PASSWORD environment variable).")
    String password;

    @Option(names = "--db-timeout", paramLabel = "SECONDS",
            description = "Longest wait for a jdbc: memory's database: to connect, for any answer, for a statement. A server that stops answering is then exit 20. Default: 30.")
    Double timeout;

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

    /**
     * Opens the memory at {@code location} (a file or a URL) with {@code options}, these credentials
     * and notes on {@code err}; a URL that no store opens is a usage error.
     */
    MemoryStore open(String location, StoreOptions.Builder options, PrintWriter err) throws IOException {
        if (timeout != null) {
            if (!(timeout > 0) || timeout > 86_400) {
                throw new Cli.Failure(ExitCode.USAGE, "--db-timeout must be more than 0 and at most 86400 seconds, got " + timeout);
            }
            options.timeout(Duration.ofMillis(Math.round(timeout * 1000)));
        }
        options.user(user).password(password != null ? password : System.getenv("POEM_DB_PASSWORD")).notes(note -> err.println("note: " + note));
        try {
            return MemoryStores.open(location, options.build());
        } catch (MemoryStores.UnknownLocationException e) {
            throw new Cli.Failure(ExitCode.USAGE, e.getMessage());
        }
    }
}
