package dev.mnemos.poem.postgres;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch of episodes into {@code poem_episode}, inside the caller's transaction, in three
 * statements whatever the batch's size:
 *
 * <ol>
 *   <li>lock the memory's row and read its row count ({@code poem_memory.episodes});</li>
 *   <li>one {@code INSERT ... SELECT FROM unnest(arrays) ... ON CONFLICT (state_hash, action) DO UPDATE
 *       SET reward = EXCLUDED.reward WHERE EXCLUDED.reward > poem_episode.reward}: the paper's larger
 *       reward, kept by the server; each distinct state is sent once, its rows refer to it;</li>
 *   <li>past L rows, delete the oldest (by id, the order rows were written) and store the new count.</li>
 * </ol>
 *
 * A batch that names one (state, order) twice is merged first, keeping the larger reward (one
 * INSERT may not change a row twice).
 */
final class EpisodeWriter {

    private static final String INSERT = """
            WITH r AS (
                SELECT * FROM unnest(?::int[], ?::int[], ?::float8[]) WITH ORDINALITY AS r(s, action, reward, n)
            ), up AS (
                INSERT INTO poem_episode (state_hash, state, action, reward, writer)
                SELECT substring(?::bytea FROM r.s * 32 + 1 FOR 32), substring(?::bytea FROM r.s * ? + 1 FOR ?),
                       r.action, r.reward, ? FROM r ORDER BY r.n
                ON CONFLICT (state_hash, action) DO UPDATE
                    SET reward = EXCLUDED.reward, writer = EXCLUDED.writer, xid = pg_current_xact_id()
                    WHERE EXCLUDED.reward > poem_episode.reward
                RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted) FROM up""";

    private EpisodeWriter() {}

    /** One queued episode: the state's bytes and hash are computed once, on the writing thread. */
    record Row(byte[] hash, byte[] state, int action, double reward) {}

    /**
     * Writes the rows and evicts past {@code capacity}; the caller commits. Returns the
     * transaction's id (the rows' {@code xid}), or -1 when there were no rows.
     */
    static long write(Connection c, List<Row> rows, String writer, int capacity) throws SQLException {
        if (rows.isEmpty()) return -1;
        long[] countAndXid = lockedCount(c);
        long count = countAndXid[0];
        long inserted = insert(c, merged(rows), writer);
        long evicted = 0;
        if (count + inserted > capacity) {
            try (PreparedStatement evict = c.prepareStatement(
                    "DELETE FROM poem_episode WHERE id IN (SELECT id FROM poem_episode ORDER BY id LIMIT ?)")) {
                evict.setLong(1, count + inserted - capacity);
                evicted = evict.executeUpdate();
            }
        }
        if (inserted != 0 || evicted != 0) {
            try (PreparedStatement store = c.prepareStatement("UPDATE poem_memory SET episodes = ? WHERE id = 1")) {
                store.setLong(1, count + inserted - evicted);
                store.executeUpdate();
            }
        }
        return countAndXid[1];
    }

    /**
     * The rows in the table and this transaction's id, with the memory's row locked until the
     * transaction ends (one writer at a time, which also keeps concurrent batches from deadlocking).
     */
    private static long[] lockedCount(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT episodes, pg_current_xact_id()::text::bigint FROM poem_memory WHERE id = 1 FOR UPDATE");
             ResultSet r = q.executeQuery()) {
            if (!r.next()) throw new SQLException("poem_memory holds no memory row");
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }

    /** One statement: the distinct states and their hashes go as two byte strings, the rows as arrays. */
    private static long insert(Connection c, List<Row> rows, String writer) throws SQLException {
        Map<ByteBuffer, Integer> stateNumber = new HashMap<>();
        int length = rows.get(0).state().length;
        ByteBuffer hashes = ByteBuffer.allocate(rows.size() * 32), states = ByteBuffer.allocate(rows.size() * length);
        int[] state = new int[rows.size()], action = new int[rows.size()];
        double[] reward = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            state[i] = stateNumber.computeIfAbsent(ByteBuffer.wrap(row.hash()), h -> {
                hashes.put(row.hash());
                states.put(row.state());
                return hashes.position() / 32 - 1; // numbered from 0
            });
            action[i] = row.action();
            reward[i] = row.reward();
        }
        try (PreparedStatement up = c.prepareStatement(INSERT)) {
            up.setObject(1, state); // the driver sends primitive arrays as int4[] and float8[]
            up.setObject(2, action);
            up.setObject(3, reward);
            up.setBytes(4, java.util.Arrays.copyOf(hashes.array(), hashes.position()));
            up.setBytes(5, java.util.Arrays.copyOf(states.array(), states.position()));
            up.setInt(6, length);
            up.setInt(7, length);
            up.setString(8, writer);
            try (ResultSet result = up.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The rows with each (state, order) once, at its first position, with its largest reward. */
    static List<Row> merged(List<Row> rows) {
        Map<Key, Integer> at = new HashMap<>();
        List<Row> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Integer i = at.putIfAbsent(new Key(ByteBuffer.wrap(row.hash()), row.action()), out.size());
            if (i == null) {
                out.add(row);
            } else if (row.reward() > out.get(i).reward()) {
                Row first = out.get(i);
                out.set(i, new Row(first.hash(), first.state(), first.action(), row.reward()));
            }
        }
        return out;
    }

    private record Key(ByteBuffer hash, int action) {}
}
