package dev.mnemos.poem.store;

import dev.mnemos.io.Fault;
import java.io.IOException;

/** A stored memory (in a database, say) could not be reached, opened or written; the message is one line naming where. */
public final class StoreException extends IOException implements Fault {

    /** What went wrong, and which kind of {@link Fault} that is. */
    public enum Kind {
        /** No PostgreSQL server answers at the URL's host and port. */
        UNREACHABLE(Fault.Kind.DATABASE_UNREACHABLE),
        /** The server refused the user name or password. */
        REFUSED(Fault.Kind.DATABASE_REFUSED),
        /** The database's schema is newer than this build knows. */
        SCHEMA(Fault.Kind.DATABASE_SCHEMA),
        /** The memory there was written with another encoder, dimension or m, or is damaged: bad input, as a file's would be. */
        MISMATCH(Fault.Kind.BAD_INPUT),
        /** Any other failure of the database. */
        FAILED(Fault.Kind.IO_ERROR);

        private final Fault.Kind fault;

        Kind(Fault.Kind fault) {
            this.fault = fault;
        }
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public Fault.Kind fault() {
        return kind.fault;
    }
}
