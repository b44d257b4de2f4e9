package dev.mnemos.poem.postgres;

import dev.mnemos.poem.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of a shared POEM memory, created and upgraded by versioned SQL scripts
 * ({@code V1.sql}, ... beside this class). {@link #migrate} runs under a transaction-scoped advisory
 * lock, so processes starting together create the tables once (and the memory's row with them). A database whose schema is newer
 * than this build is refused before anything is written.
 */
final class Schema {

    /** The newest schema version this build knows. */
    static final int VERSION = 3;
    private static final long LOCK = 0x6d6e656d6f73L; // "mnemos"

    private Schema() {}

    /**
     * Creates or upgrades the tables in the caller's transaction (which must not auto-commit), under
     * an advisory lock held until it ends; returns the version found before (0 for none). The caller
     * rolls back when it refuses the memory, so a refused open leaves the database as it was.
     */
    static int migrate(Connection c, String where) throws SQLException, StoreException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            int found = version(st);
            if (found > VERSION) {
                throw new StoreException(StoreException.Kind.SCHEMA, where + ": the POEM schema there is version " + found
                        + "; this build knows up to version " + VERSION + " (use a newer mnemos)");
            }
            for (int v = found + 1; v <= VERSION; v++) {
                st.execute(script(v));
                st.execute("INSERT INTO poem_schema (version) VALUES (" + v + ")");
            }
            return found;
        }
    }

    private static int version(Statement st) throws SQLException {
        try (ResultSet r = st.executeQuery("SELECT to_regclass('poem_schema') IS NOT NULL")) {
            r.next();
            if (!r.getBoolean(1)) return 0;
        }
        try (ResultSet r = st.executeQuery("SELECT coalesce(max(version), 0) FROM poem_schema")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static String script(int version) {
        try (InputStream in = Schema.class.getResourceAsStream("V" + version + ".sql")) {
            if (in == null) throw new IllegalStateException("schema script V" + version + ".sql is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema script V" + version + ".sql", e);
        }
    }
}
