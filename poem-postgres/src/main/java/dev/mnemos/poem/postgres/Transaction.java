package dev.mnemos.poem.postgres;

import dev.mnemos.poem.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done in one transaction on a connection that otherwise auto-commits. When the work fails,
 * the failure is what the caller sees: a rollback that fails too (the connection is gone, say)
 * is only added to it as suppressed, never put in its place.
 */
final class Transaction {

    /** Statements that run inside the transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException, StoreException;
    }

    private Transaction() {}

    static <T> T run(Connection c, Work<T> work) throws SQLException, StoreException {
        c.setAutoCommit(false);
        T result;
        try {
            result = work.run();
            c.commit();
        } catch (SQLException | StoreException | RuntimeException e) {
            try {
                c.rollback();
                c.setAutoCommit(true);
            } catch (SQLException second) {
                e.addSuppressed(second);
            }
            throw e;
        }
        c.setAutoCommit(true);
        return result;
    }
}
