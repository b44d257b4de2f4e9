package dev.mnemos.poem.postgres;

import dev.mnemos.embed.Vectors;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.ActionValueEstimator;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.poem.train.TrainingLog;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A POEM memory shared by processes through PostgreSQL: the table {@code poem_episode} is the
 * durable log of (state, order, reward, time, writer), and each process reads from a local
 * {@link EpisodicMemory} (exact scan or graph index) that it keeps in step with the table.
 *
 * <ul>
 *   <li>{@link #write} applies the episode locally at once and queues it; queued episodes go to the
 *       table in one transaction per batch (every {@code flushEvery}, when {@code batchSize} are
 *       queued, on {@link #flush} and on {@link #close}).</li>
 *   <li>The paper's rules hold across processes, in SQL: a repeated (state, order) keeps the larger
 *       reward ({@code ON CONFLICT ... DO UPDATE ... GREATEST}), and past L rows the oldest go.</li>
 *   <li>Every {@code pollEvery} the process reads the rows other processes committed since its last
 *       look (by transaction id: rows below the oldest running transaction, so a late commit is not
 *       skipped) into its local memory, so it sees them within about twice {@code pollEvery}.</li>
 *   <li>Training: the {@link #log} of finished queries lives in the database too, written in the same
 *       transaction as the queries' episodes, so a restarted process resumes the unfinished ones.</li>
 * </ul>
 */
public final class PostgresMemory implements ActionValueEstimator, AutoCloseable {

    private final String where;
    private final String writer;
    private final int batchSize;
    private final Connection connection;
    private final PoemFile.Settings settings;
    private final EpisodicMemory local;
    private final TrainingLog log = new TrainingLog();
    private final Set<String> savedQueries = new HashSet<>();
    private Map<Permutation, double[]> savedStats = new HashMap<>();
    private final List<Row> queue = new ArrayList<>();
    private final Object io = new Object(); // one statement at a time on the connection
    private final ScheduledExecutorService timer;
    private String seenBelow = "0"; // rows with xid below this are in the local memory
    private volatile StoreException backgroundFailure;

    private PostgresMemory(Builder b) throws StoreException {
        this.where = redacted(b.url);
        this.writer = b.writer;
        this.batchSize = b.batchSize;
        this.connection = connect(b);
        try {
            Schema.migrate(connection, where);
            this.settings = settings(b.settings);
            this.local = EpisodicMemory.builder().dimension(settings.dimension()).k(b.k != null ? b.k : settings.k())
                    .capacity(settings.capacity()).weighting(b.weighting != null ? b.weighting : settings.weighting()).build();
            loadLog();
            poll();
        } catch (SQLException e) {
            closeQuietly();
            throw failed(e);
        } catch (StoreException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "poem-postgres");
            t.setDaemon(true);
            return t;
        });
        long every = b.syncEvery.toMillis();
        timer.scheduleWithFixedDelay(this::sync, every, every, TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings stored with the memory (m, encoder, dimension, L, k, weighting, default order). */
    public PoemFile.Settings settings() { return settings; }

    /** The local copy reads are answered from. */
    public EpisodicMemory local() { return local; }

    /** Finished training queries and per-order rewards, shared through the database. */
    public TrainingLog log() { return log; }

    @Override
    public void write(float[] state, Permutation action, double reward) {
        if (action.size() != settings.m()) throw new IllegalArgumentException("order " + action + " is not of m = " + settings.m());
        float[] s = Vectors.normalized(state);
        local.write(s, action, reward); // checks the state and reward
        boolean full;
        synchronized (queue) {
            queue.add(new Row(s, action.index(), reward));
            full = queue.size() >= batchSize;
        }
        if (full) {
            try {
                flush();
            } catch (StoreException e) {
                backgroundFailure = e; // the episodes stay queued; the next flush tries again
            }
        }
    }

    @Override
    public Optional<Permutation> best(float[] state) {
        return local.best(state);
    }

    /**
     * Writes the queued episodes and the newly finished queries in one transaction. A query counts
     * as finished in the database only with its episodes: queries are taken before episodes, and a
     * query is logged finished only after its episodes were written.
     */
    public void flush() throws StoreException {
        synchronized (io) {
            List<String> finished = new ArrayList<>(log.finishedInOrder());
            finished.removeAll(savedQueries);
            Map<Permutation, double[]> stats = log.stats();
            List<Row> rows;
            synchronized (queue) {
                rows = new ArrayList<>(queue);
                queue.clear();
            }
            if (rows.isEmpty() && finished.isEmpty()) return;
            try {
                commitRetrying(rows, finished, stats);
                savedQueries.addAll(finished);
                savedStats = stats;
            } catch (SQLException e) {
                synchronized (queue) {
                    queue.addAll(0, rows);
                }
                throw failed(e);
            }
        }
    }

    /** Reads what other processes committed since the last look into the local memory. */
    public void refresh() throws StoreException {
        try {
            poll();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Writes what is queued and closes the connection. */
    @Override
    public void close() throws StoreException {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly();
        }
    }

    private void sync() {
        try {
            flush();
            poll();
            backgroundFailure = null;
        } catch (StoreException e) {
            backgroundFailure = e;
        } catch (SQLException e) {
            backgroundFailure = failed(e);
        }
    }

    /** The last failure of a background write or read, if the database has not answered since. */
    public Optional<StoreException> lastFailure() {
        return Optional.ofNullable(backgroundFailure);
    }

    /**
     * Rows go in in the order they were written (the table's ids are its age, for eviction), so two
     * processes writing the same (state, order) pairs in other orders can deadlock; PostgreSQL then
     * aborts one of them, which tries again.
     */
    private void commitRetrying(List<Row> rows, List<String> finished, Map<Permutation, double[]> stats) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                commit(rows, finished, stats);
                return;
            } catch (SQLException e) {
                boolean retry = "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
                if (!retry || attempt == 5) throw e;
            }
        }
    }

    private void commit(List<Row> rows, List<String> finished, Map<Permutation, double[]> stats) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement up = connection.prepareStatement(
                    "INSERT INTO poem_episode (state_hash, state, action, reward, writer) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (state_hash, action) DO UPDATE"
                            + " SET reward = GREATEST(poem_episode.reward, EXCLUDED.reward), xid = pg_current_xact_id()"
                            + " WHERE EXCLUDED.reward > poem_episode.reward")) {
                for (Row r : rows) {
                    up.setBytes(1, r.hash);
                    up.setBytes(2, r.bytes);
                    up.setInt(3, r.action);
                    up.setDouble(4, r.reward);
                    up.setString(5, writer);
                    up.addBatch();
                }
                if (!rows.isEmpty()) up.executeBatch();
            }
            try (PreparedStatement q = connection.prepareStatement(
                    "INSERT INTO poem_query (query, writer) VALUES (?, ?) ON CONFLICT (query) DO NOTHING")) {
                for (String query : finished) {
                    q.setString(1, query);
                    q.setString(2, writer);
                    q.addBatch();
                }
                if (!finished.isEmpty()) q.executeBatch();
            }
            addStats(stats);
            try (PreparedStatement evict = connection.prepareStatement(
                    "DELETE FROM poem_episode WHERE id < (SELECT id FROM poem_episode ORDER BY id DESC OFFSET ? LIMIT 1)")) {
                evict.setInt(1, settings.capacity() - 1);
                evict.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Adds to the table what the log gained since the last commit (other processes add theirs). */
    private void addStats(Map<Permutation, double[]> stats) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO poem_order_stats (action, total, episodes) VALUES (?, ?, ?) ON CONFLICT (action) DO UPDATE"
                        + " SET total = poem_order_stats.total + EXCLUDED.total, episodes = poem_order_stats.episodes + EXCLUDED.episodes")) {
            int n = 0;
            for (Map.Entry<Permutation, double[]> e : stats.entrySet()) {
                double[] before = savedStats.getOrDefault(e.getKey(), new double[2]);
                double total = e.getValue()[0] - before[0];
                double episodes = e.getValue()[1] - before[1];
                if (episodes == 0 && total == 0) continue;
                s.setInt(1, e.getKey().index());
                s.setDouble(2, total);
                s.setDouble(3, episodes);
                s.addBatch();
                n++;
            }
            if (n > 0) s.executeBatch();
        }
    }

    private void poll() throws SQLException {
        synchronized (io) {
            String below;
            try (Statement st = connection.createStatement();
                 ResultSet r = st.executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")) {
                r.next();
                below = r.getString(1);
            }
            try (PreparedStatement q = connection.prepareStatement(
                    "SELECT state, action, reward FROM poem_episode WHERE xid >= ?::xid8 AND xid < ?::xid8 ORDER BY id")) {
                q.setString(1, seenBelow);
                q.setString(2, below);
                q.setFetchSize(10_000);
                connection.setAutoCommit(false); // a fetch size needs a transaction; otherwise the driver reads every row at once
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        float[] s = floats(r.getBytes(1));
                        if (s.length != settings.dimension()) continue;
                        local.write(s, Permutation.fromIndex(settings.m(), r.getInt(2)), r.getDouble(3));
                    }
                } finally {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
            }
            seenBelow = below;
        }
    }

    private PoemFile.Settings settings(PoemFile.Settings wanted) throws SQLException, StoreException {
        try (Statement st = connection.createStatement();
             ResultSet r = st.executeQuery("SELECT m, dimension, encoder, capacity, k, weighting, fallback FROM poem_memory WHERE id = 1")) {
            if (r.next()) {
                PoemFile.Settings stored = new PoemFile.Settings(r.getInt(1),
                        ReadSettings.DEFAULT.withK(r.getInt(5)).withWeighting(Weighting.valueOf(r.getString(6))), false, r.getInt(4),
                        r.getString(3), r.getInt(2), Permutation.parse(r.getString(7)));
                check(stored, wanted);
                return stored;
            }
        }
        if (wanted == null) throw new StoreException(StoreException.Kind.MISMATCH, where + ": holds no POEM memory yet; train one into it first");
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO poem_memory (id, m, dimension, encoder, capacity, k, weighting, fallback) VALUES (1, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO NOTHING")) {
            p.setInt(1, wanted.m());
            p.setInt(2, wanted.dimension());
            p.setString(3, wanted.encoder());
            p.setInt(4, wanted.capacity());
            p.setInt(5, wanted.k());
            p.setString(6, wanted.weighting().name());
            p.setString(7, wanted.fallback().toString());
            if (p.executeUpdate() == 0) return settings(wanted); // another process created it first
        }
        return wanted;
    }

    private void check(PoemFile.Settings stored, PoemFile.Settings wanted) throws StoreException {
        if (wanted == null) return;
        if (!stored.encoder().equals(wanted.encoder()) || stored.dimension() != wanted.dimension() || stored.m() != wanted.m()) {
            throw new StoreException(StoreException.Kind.MISMATCH, where + ": the memory there was written with encoder "
                    + stored.encoder() + " (" + stored.dimension() + " dimensions) and m = " + stored.m() + "; this run uses "
                    + wanted.encoder() + " (" + wanted.dimension() + " dimensions) and m = " + wanted.m());
        }
    }

    private void loadLog() throws SQLException {
        List<String> finished = new ArrayList<>();
        Map<Permutation, double[]> stats = new HashMap<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet r = st.executeQuery("SELECT query FROM poem_query ORDER BY finished, query")) {
                while (r.next()) finished.add(r.getString(1));
            }
            try (ResultSet r = st.executeQuery("SELECT action, total, episodes FROM poem_order_stats")) {
                while (r.next()) stats.put(Permutation.fromIndex(settings.m(), r.getInt(1)), new double[] {r.getDouble(2), r.getDouble(3)});
            }
        }
        log.addAll(finished, stats);
        savedQueries.addAll(finished);
        savedStats = log.stats();
    }

    private static Connection connect(Builder b) throws StoreException {
        Properties p = new Properties();
        if (b.user != null) p.setProperty("user", b.user);
        if (b.password != null) p.setProperty("password", b.password);
        p.setProperty("connectTimeout", "5");
        p.setProperty("reWriteBatchedInserts", "true");
        p.setProperty("ApplicationName", "mnemos-poem " + b.writer);
        try {
            return DriverManager.getConnection(b.url, p);
        } catch (SQLException e) {
            throw failedToConnect(redacted(b.url), e);
        }
    }

    static StoreException failedToConnect(String where, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = firstLine(e.getMessage());
        if (state.startsWith("08")) {
            return new StoreException(StoreException.Kind.UNREACHABLE, where + ": no PostgreSQL server answers (" + reason + ")");
        }
        if (state.startsWith("28")) {
            return new StoreException(StoreException.Kind.REFUSED, where + ": the server refused the credentials (" + reason + ")");
        }
        return new StoreException(StoreException.Kind.FAILED, where + ": cannot connect (" + reason + ")");
    }

    private StoreException failed(SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return new StoreException(StoreException.Kind.UNREACHABLE, where + ": lost the connection (" + firstLine(e.getMessage()) + ")");
        }
        return new StoreException(StoreException.Kind.FAILED, where + ": " + firstLine(e.getMessage()));
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after a failure: the first failure is what is reported
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "no message";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** The URL without its query string, which may carry a password. */
    public static String redacted(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    static byte[] toBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One queued episode: the state's bytes and hash are computed once, on the writing thread. */
    private record Row(byte[] hash, byte[] bytes, int action, double reward) {
        Row(float[] state, int action, double reward) {
            this(sha256(toBytes(state)), toBytes(state), action, reward);
        }
    }

    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private PoemFile.Settings settings;
        private String writer = defaultWriter();
        private int batchSize = 1_000;
        private Duration syncEvery = Duration.ofMillis(200);
        private Integer k;
        private Weighting weighting;

        private Builder() {}

        /** {@code jdbc:postgresql://HOST[:PORT]/DB[?user=...&password=...]}. Required. */
        public Builder url(String url) {
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("a shared memory is a jdbc:postgresql://HOST/DB URL, not '" + url + "'");
            }
            this.url = url;
            return this;
        }

        public Builder user(String user) { this.user = user; return this; }

        public Builder password(String password) { this.password = password; return this; }

        /**
         * The settings this process works with. A new memory is created with them; an existing one
         * must match their encoder, dimension and m. Null opens an existing memory as it is.
         */
        public Builder settings(PoemFile.Settings settings) { this.settings = settings; return this; }

        /** Recorded with each episode; default host:pid. */
        public Builder writer(String writer) { this.writer = Objects.requireNonNull(writer); return this; }

        /** Episodes per transaction at most; default 1,000. */
        public Builder batchSize(int n) {
            if (n < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + n);
            this.batchSize = n;
            return this;
        }

        /** How often queued episodes are written and others' read; default 200 ms. */
        public Builder syncEvery(Duration every) {
            if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("sync interval must be positive, got " + every);
            this.syncEvery = every;
            return this;
        }

        /** Overrides the stored k for this process's reads only. */
        public Builder k(Integer k) { this.k = k; return this; }

        /** Overrides the stored weighting for this process's reads only. */
        public Builder weighting(Weighting weighting) { this.weighting = weighting; return this; }

        /** Connects, creates or checks the schema and the memory's settings, and loads the episodes. */
        public PostgresMemory open() throws StoreException {
            Objects.requireNonNull(url, "url");
            return new PostgresMemory(this);
        }

        private static String defaultWriter() {
            return ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        }
    }
}
