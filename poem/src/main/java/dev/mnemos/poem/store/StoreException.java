package dev.mnemos.poem.store;

import java.io.IOException;

/** A stored memory (in a database, say) could not be reached, opened or written; the message is one line naming where. */
public final class StoreException extends IOException {

    /** What went wrong, so that a command can exit with a code per kind. */
    public enum Kind {
        /** No PostgreSQL server answers at the URL's host and port. */
        UNREACHABLE,
        /** The server refused the user name or password. */
        REFUSED,
        /** The database's schema is newer than this build knows. */
        SCHEMA,
        /** The memory there was written with another encoder, dimension or m. */
        MISMATCH,
        /** Any other failure of the database. */
        FAILED
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
