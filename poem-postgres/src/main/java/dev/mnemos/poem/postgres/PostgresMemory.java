package dev.mnemos.poem.postgres;

import dev.mnemos.poem.store.StoreException;
import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.vectors.Vectors;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.ActionValueEstimator;
import dev.mnemos.poem.data.Example;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.prompt.Task;
import dev.mnemos.poem.store.MemoryStore;
import dev.mnemos.poem.store.StoreOptions;
import dev.mnemos.poem.memory.Episode;
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
 *   <li>{@link #write} applies the episode locally at once and queues it; a background thread sends
 *       the queue to the table in one transaction when {@code batchSize} episodes are queued, every
 *       {@code syncEvery}, on {@link #flush} and on {@link #close} (a writer more than four batches
 *       ahead of the database waits for it). A transaction is a handful of statements whatever its
 *       size ({@link EpisodeWriter}).</li>
 *   <li>The paper's rules hold across processes, in SQL: a repeated (state, order) keeps the larger
 *       reward ({@code ON CONFLICT ... DO UPDATE ... WHERE EXCLUDED.reward > reward}), and past L
 *       rows the oldest go (the row count is kept in {@code poem_memory}, locked by each write).</li>
 *   <li>Every {@code syncEvery} the process reads the rows other processes committed since its last
 *       look (by transaction id: rows below the oldest running transaction, so a late commit is not
 *       skipped) into its local memory, so it sees them within about twice {@code syncEvery}.</li>
 *   <li>Training: the {@link #log} of finished queries lives in the database too, written in the same
 *       transaction as the queries' episodes, so a restarted process resumes the unfinished ones.</li>
 * </ul>
 */
public final class PostgresMemory implements ActionValueEstimator, MemoryStore {

    private final String where;
    private final String timeoutText;
    private final String writer;
    private final int batchSize;
    private final Connection connection;
    private volatile MemorySettings settings;
    private volatile Task task;
    private volatile List<Example> pool;
    private final EpisodicMemory local;
    private final TrainingLog log = new TrainingLog();
    private final Set<String> savedQueries = new HashSet<>();
    private Map<Permutation, double[]> savedStats = new HashMap<>();
    private String savedModel;
    private final List<EpisodeWriter.Row> queue = new ArrayList<>();
    private final Object io = new Object(); // one statement at a time on the connection
    private final ScheduledExecutorService timer;
    private final java.util.concurrent.atomic.AtomicBoolean flushRequested = new java.util.concurrent.atomic.AtomicBoolean();
    /** See {@link Builder#timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Full batches that may wait in the queue before a write waits for the database. */
    private static final int BACKLOG = 4;
    private String seenBelow = "0"; // rows with xid below this are in the local memory
    private final List<Long> ownXids = new ArrayList<>(); // this process's commits not yet behind seenBelow: their rows are local already
    private volatile StoreException backgroundFailure;
    private volatile StoreException lost; // the server stopped answering: why every later call fails
    private volatile java.time.Instant lastCommit; // when this process last committed episodes or finished queries

    private PostgresMemory(Builder b) throws StoreException {
        this.timeoutText = seconds(b.timeout);
        this.writer = b.writer;
        this.batchSize = b.batchSize;
        this.connection = connect(b);
        this.where = b.dataSource == null ? redacted(b.url) : shownUrl(connection);
        try {
            MemoryTable.Stored stored = stored(b);
            this.settings = stored.settings();
            this.task = stored.task();
            this.pool = stored.pool();
            ReadSettings read = settings.read();
            if (b.k != null) read = read.withK(b.k);
            if (b.weighting != null) read = read.withWeighting(b.weighting);
            EpisodicMemory.Builder localBuilder = EpisodicMemory.builder().dimension(settings.dimension()).read(read).capacity(settings.capacity());
            if (b.exactUpTo != null) localBuilder.exactUpTo(b.exactUpTo);
            this.local = localBuilder.build();
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
    public MemorySettings settings() { return settings; }

    /** The task template stored with the memory (by poem train or poem copy), if any. */
    public Optional<Task> task() { return Optional.ofNullable(task); }

    /** The example pool stored with the memory (by poem train or poem copy), if any. */
    public Optional<List<Example>> pool() { return Optional.ofNullable(pool); }

    /**
     * Stores the task and example pool the memory is trained with, when none is stored yet; a
     * memory trained on another pool is refused (its orders rank other examples).
     */
    public void describe(Task newTask, List<Example> newPool) throws StoreException {
        if (pool != null && !pool.equals(newPool)) {
            throw new StoreException(StoreException.Kind.MISMATCH, where + ": the memory there was trained on another pool ("
                    + pool.size() + " examples, " + newPool.size() + " now); give another database");
        }
        if (pool != null && newTask.equals(task)) return;
        synchronized (io) {
            try {
                MemoryTable.storeTaskAndPool(connection, newTask, newPool);
            } catch (SQLException e) {
                throw failed(e);
            }
        }
        this.task = newTask;
        this.pool = List.copyOf(newPool);
    }

    /** Stores how the memory is read (as poem tune chose it) for every process, and reads so here. */
    public void storeRead(ReadSettings read, boolean tuned) throws StoreException {
        synchronized (io) {
            try {
                MemoryTable.storeRead(connection, read, tuned);
            } catch (SQLException e) {
                throw failed(e);
            }
        }
        settings = settings.withRead(read, tuned);
        local.read(read);
    }

    @Override
    public String location() {
        return where;
    }

    @Override
    public EpisodicMemory memory() {
        return local;
    }

    /** This memory: a write applies locally at once and reaches the table within {@code syncEvery}. */
    @Override
    public ActionValueEstimator estimator() {
        return this;
    }

    /** Commits what is queued ({@link #flush}). */
    @Override
    public void save() throws StoreException {
        flush();
    }

    /**
     * Writes episodes oldest first, as {@link #write} does, but queued together so that the next
     * {@link #flush} commits them in one transaction (a copy into the database).
     */
    @Override
    public void addAll(List<Episode> episodes) {
        List<EpisodeWriter.Row> rows = new ArrayList<>(episodes.size());
        for (Episode e : episodes) rows.add(locally(e.state(), e.action(), e.reward()));
        synchronized (queue) {
            queue.addAll(rows);
        }
    }

    /** The local copy reads are answered from. */
    public EpisodicMemory local() { return local; }

    /** Finished training queries and per-order rewards, shared through the database. */
    public TrainingLog log() { return log; }

    @Override
    public void write(float[] state, Permutation action, double reward) {
        if (action.size() != settings.m()) throw new IllegalArgumentException("order " + action + " is not of m = " + settings.m());
        EpisodeWriter.Row row = locally(state, action, reward);
        int queued;
        synchronized (queue) {
            queue.add(row);
            queued = queue.size();
        }
        if (queued >= (long) BACKLOG * batchSize) {
            flushOrKeep(); // the database is behind: the writer waits for it
        } else if (queued >= batchSize && flushRequested.compareAndSet(false, true)) {
            try {
                timer.execute(() -> { // written while this thread goes on
                    flushRequested.set(false);
                    flushOrKeep();
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                flushRequested.set(false); // closing: close() flushes what is queued
            }
        }
    }

    /** Applies an episode to the local memory (which checks it) and makes the row the table gets. */
    private EpisodeWriter.Row locally(float[] state, Permutation action, double reward) {
        if (action.size() != settings.m()) throw new IllegalArgumentException("order " + action + " is not of m = " + settings.m());
        local.write(state, action, reward); // checks the state and reward, and keeps it normalised as the table does
        return row(Vectors.unit(state), action.index(), reward);
    }

    /** Flushes; a failure is kept for {@link #lastFailure} and the episodes stay queued for the next flush. */
    private void flushOrKeep() {
        try {
            flush();
        } catch (StoreException e) {
            backgroundFailure = e;
        }
    }

    @Override
    public Optional<Permutation> best(float[] state) {
        return local.best(state);
    }

    @Override
    public boolean rewardsDiffer() {
        return local.rewardsDiffer();
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
            List<EpisodeWriter.Row> rows;
            synchronized (queue) {
                rows = new ArrayList<>(queue);
                queue.clear();
            }
            if (rows.isEmpty() && finished.isEmpty() && log.model().map(m -> m.equals(savedModel)).orElse(true)) return;
            try {
                commitRetrying(rows, finished, stats);
                lastCommit = java.time.Instant.now();
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

    /** When this process last committed what it wrote (episodes, finished queries), if it has yet: its last save. */
    public Optional<java.time.Instant> lastCommit() {
        return Optional.ofNullable(lastCommit);
    }

    /** The last failure of a background write or read, if the database has not answered since. */
    public Optional<StoreException> lastFailure() {
        return Optional.ofNullable(backgroundFailure);
    }

    /**
     * Writers take the memory's row lock first, so batches do not deadlock; a deadlock or
     * serialization failure all the same (a statement run by hand) is tried again.
     */
    private void commitRetrying(List<EpisodeWriter.Row> rows, List<String> finished, Map<Permutation, double[]> stats) throws SQLException {
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

    private void commit(List<EpisodeWriter.Row> rows, List<String> finished, Map<Permutation, double[]> stats) throws SQLException {
        long xid = inTransaction(() -> {
            long id = EpisodeWriter.write(connection, rows, writer, settings.capacity());
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
            storeModel();
            return id;
        });
        if (xid >= 0) ownXids.add(xid);
    }

    /** {@link Transaction#run} for work that raises no StoreException of its own. */
    private <T> T inTransaction(Transaction.Work<T> work) throws SQLException {
        try {
            return Transaction.run(connection, work);
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the model the log names, when it changed since the last commit. */
    private void storeModel() throws SQLException {
        String model = log.model().orElse(null);
        if (model == null || model.equals(savedModel)) return;
        try (PreparedStatement p = connection.prepareStatement("UPDATE poem_memory SET model = ? WHERE id = 1")) {
            p.setString(1, model);
            p.executeUpdate();
        }
        savedModel = model;
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

    private void poll() throws SQLException, StoreException {
        synchronized (io) {
            String below;
            try (Statement st = connection.createStatement();
                 ResultSet r = st.executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")) {
                r.next();
                below = r.getString(1);
            }
            try (PreparedStatement q = connection.prepareStatement(
                    "SELECT state, action, reward, id FROM poem_episode WHERE xid >= ?::xid8 AND xid < ?::xid8"
                            + " AND NOT (xid = ANY (?::xid8[])) ORDER BY id")) {
                q.setString(1, seenBelow);
                q.setString(2, below);
                q.setString(3, ownXids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")));
                q.setFetchSize(10_000);
                Transaction.run(connection, () -> { // a fetch size needs a transaction; otherwise the driver reads every row at once
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) local.write(checkedState(r), checkedAction(r), checkedReward(r));
                    }
                    return null;
                });
            }
            seenBelow = below;
            long behind = Long.parseLong(below);
            ownXids.removeIf(x -> x < behind);
        }
    }

    /** A row's state: as many finite floats as the memory's dimension, or the row is damaged. */
    private float[] checkedState(ResultSet r) throws SQLException, StoreException {
        byte[] bytes = r.getBytes(1);
        if (bytes.length != 4 * settings.dimension()) {
            throw damagedRow(r, "a state of " + bytes.length + " bytes; the memory's states have " + settings.dimension()
                    + " dimensions (" + 4 * settings.dimension() + " bytes)");
        }
        float[] s = floats(bytes);
        for (int i = 0; i < s.length; i++) if (!Float.isFinite(s[i])) throw damagedRow(r, "state value " + i + " is " + s[i]);
        return s;
    }

    private Permutation checkedAction(ResultSet r) throws SQLException, StoreException {
        int action = r.getInt(2);
        if (action < 0 || action >= Permutation.factorial(settings.m())) {
            throw damagedRow(r, "order index " + action + ", not 0 to " + (Permutation.factorial(settings.m()) - 1) + " for m = " + settings.m());
        }
        return Permutation.fromIndex(settings.m(), action);
    }

    private double checkedReward(ResultSet r) throws SQLException, StoreException {
        double reward = r.getDouble(3);
        if (!Double.isFinite(reward)) throw damagedRow(r, "reward " + reward);
        return reward;
    }

    private StoreException damagedRow(ResultSet r, String what) throws SQLException {
        return new StoreException(StoreException.Kind.MISMATCH, where + ": damaged POEM memory in the database (poem_episode row "
                + r.getLong(4) + ": " + what + ")");
    }

    /**
     * Creates or upgrades the tables, then reads the memory's row, created from the builder's
     * settings when there is none; with {@code replace}, everything the database held is removed
     * first. One transaction: a newer schema or a memory that does not match is refused with
     * nothing written, not even an upgrade of the tables.
     */
    private MemoryTable.Stored stored(Builder b) throws SQLException, StoreException {
        return Transaction.run(connection, () -> {
            Schema.migrate(connection, where);
            if (b.replace) MemoryTable.clear(connection);
            MemoryTable.Stored stored = MemoryTable.read(connection, where);
            if (stored == null) {
                if (b.settings == null) {
                    throw new StoreException(StoreException.Kind.MISMATCH, where + ": holds no POEM memory yet; train one into it first");
                }
                stored = MemoryTable.create(connection, b.settings) ? new MemoryTable.Stored(b.settings, null, null)
                        : MemoryTable.read(connection, where); // another process created it first
            }
            try {
                b.expected().check(stored.settings(), where);
            } catch (dev.mnemos.poem.data.DataException e) {
                throw new StoreException(StoreException.Kind.MISMATCH, e.getMessage());
            }
            return stored;
        });
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
        try (Statement st = connection.createStatement(); ResultSet r = st.executeQuery("SELECT model FROM poem_memory WHERE id = 1")) {
            if (r.next() && r.getString(1) != null) log.model(r.getString(1));
        }
        savedModel = log.model().orElse(null);
        savedQueries.addAll(finished);
        savedStats = log.stats();
    }

    private static Connection connect(Builder b) throws StoreException {
        if (b.dataSource != null) return connect(b.dataSource, b.timeout);
        ConnectionUrl url = ConnectionUrl.parse(b.url); // the secret goes as a property, never in the URL the driver sees
        String user = b.user != null ? b.user : url.user();
        String password = b.password != null ? b.password : url.password();
        Properties p = new Properties();
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        long seconds = Math.max(1, (b.timeout.toMillis() + 999) / 1000);
        p.setProperty("connectTimeout", String.valueOf(Math.min(seconds, 10)));
        p.setProperty("loginTimeout", String.valueOf(seconds));
        p.setProperty("socketTimeout", String.valueOf(seconds)); // a server that stops answering (frozen, not closed) ends the wait
        p.setProperty("options", "-c statement_timeout=" + b.timeout.toMillis()); // and the server gives up what the client gave up
        p.setProperty("reWriteBatchedInserts", "true");
        p.setProperty("ApplicationName", "mnemos-poem " + b.writer);
        try {
            return DriverManager.getConnection(url.url(), p);
        } catch (SQLException e) {
            throw failedToConnect(url.shown(), e, b.timeout, password);
        }
    }

    /**
     * A connection of the application's own data source (a pool, say), held while the memory is
     * open; its waits are bounded on the connection itself: the network timeout, and the
     * session's statement_timeout.
     */
    private static Connection connect(javax.sql.DataSource dataSource, Duration timeout) throws StoreException {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw failedToConnect("the data source", e, timeout, null);
        }
        try {
            c.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            try (Statement st = c.createStatement()) {
                st.execute("SET statement_timeout = " + timeout.toMillis());
            }
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the first failure is the one to report
            }
            throw failedToConnect(shownUrl(c), e, timeout, null);
        }
    }

    private static String shownUrl(Connection c) {
        try {
            String url = c.getMetaData().getURL();
            return url == null ? "the data source" : redacted(url);
        } catch (SQLException e) {
            return "the data source";
        }
    }

    /** Whether the driver gave up waiting for the server (its socket or login timeout). */
    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    static StoreException failedToConnect(String where, SQLException e, Duration timeout, String password) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = ConnectionUrl.scrubbed(firstLine(e.getMessage()), password);
        if (timedOut(e) || reason.contains("timeout") || reason.contains("timed out")) {
            return new StoreException(StoreException.Kind.UNREACHABLE, where + ": no PostgreSQL server answered within "
                    + seconds(timeout) + " (" + reason + ")");
        }
        if (state.startsWith("08")) {
            return new StoreException(StoreException.Kind.UNREACHABLE, where + ": no PostgreSQL server answers (" + reason + ")");
        }
        if (state.startsWith("28")) {
            return new StoreException(StoreException.Kind.REFUSED, where + ": the server refused the credentials (" + reason + ")");
        }
        return new StoreException(StoreException.Kind.FAILED, where + ": cannot connect (" + reason + ")");
    }

    private StoreException failed(SQLException e) {
        if (timedOut(e)) {
            lost = new StoreException(StoreException.Kind.UNREACHABLE, where + ": the server did not answer within " + timeoutText
                    + " (the wait for the database is bounded by its timeout)");
            return lost;
        }
        if (lost != null && "08003".equals(e.getSQLState())) return lost; // closed by the driver when the wait ran out
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return new StoreException(StoreException.Kind.UNREACHABLE, where + ": lost the connection (" + firstLine(e.getMessage()) + ")");
        }
        return new StoreException(StoreException.Kind.FAILED, where + ": " + firstLine(e.getMessage()));
    }

    /** "30 s", "0.5 s". */
    static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
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

    /** A location as messages print it: a URL without its user info and query string, which may carry a password. */
    public static String redacted(String url) {
        return ConnectionUrl.shown(url);
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

    private static EpisodeWriter.Row row(float[] state, int action, double reward) {
        byte[] bytes = toBytes(state);
        return new EpisodeWriter.Row(sha256(bytes), bytes, action, reward);
    }

    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private MemorySettings settings;
        private String writer = defaultWriter();
        private int batchSize = 1_000;
        private Duration syncEvery = Duration.ofMillis(200);
        private Integer k;
        private Weighting weighting;
        private boolean replace;
        private Integer exactUpTo;
        private Duration timeout = DEFAULT_TIMEOUT;
        private javax.sql.DataSource dataSource;
        private String expectEncoder;
        private int expectDimension;
        private Integer expectM;

        private Builder() {}

        /**
         * Takes the memory's one connection from the application's own data source (a pool such as
         * HikariCP, or Spring's), instead of a {@link #url}; it is held until {@link #close}. The
         * {@link #timeout} bounds its waits through {@code Connection.setNetworkTimeout} and the
         * session's {@code statement_timeout}; connecting is the data source's to bound.
         */
        public Builder dataSource(javax.sql.DataSource dataSource) { this.dataSource = Objects.requireNonNull(dataSource); return this; }

        /** An existing memory must have been written with this encoder and dimension, and with this m unless it is null. */
        public Builder expect(String encoder, int dimension, Integer m) {
            this.expectEncoder = Objects.requireNonNull(encoder);
            this.expectDimension = dimension;
            this.expectM = m;
            return this;
        }

        /** The check of {@link #expect} (or of {@link #settings}). */
        StoreOptions expected() {
            StoreOptions.Builder o = StoreOptions.builder();
            if (expectEncoder != null) o.expect(expectEncoder, expectDimension, expectM);
            else if (settings != null) o.expect(settings.encoder(), settings.dimension(), settings.m());
            return o.build();
        }

        /**
         * The longest wait for the database: to connect and log in, for any answer on the
         * connection, and for a statement on the server ({@code statement_timeout}). A server that
         * stops answering (a frozen process, a network that drops packets) then fails the call
         * with a {@link StoreException} of kind UNREACHABLE instead of a wait without end. Default
         * 30 s; a copy of a very large memory, written in one statement, may need more.
         */
        public Builder timeout(Duration timeout) {
            if (timeout.toMillis() < 1) throw new IllegalArgumentException("the database timeout must be positive, got " + timeout);
            this.timeout = timeout;
            return this;
        }

        /**
         * {@code jdbc:postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB[?user=...&password=...&...]}. Required.
         * The user and password in it are given to the driver as properties, never in the URL, so
         * no message or log line of the driver's can show them.
         */
        public Builder url(String url) {
            ConnectionUrl.parse(url); // refuses another scheme, naming it without its secret
            this.url = url;
            return this;
        }

        public Builder user(String user) { this.user = user; return this; }

        public Builder password(String password) { this.password = password; return this; }

        /**
         * The settings this process works with. A new memory is created with them; an existing one
         * must match their encoder, dimension and m. Null opens an existing memory as it is.
         */
        public Builder settings(MemorySettings settings) { this.settings = settings; return this; }

        /** Recorded with each episode; default host:pid. */
        public Builder writer(String writer) { this.writer = Objects.requireNonNull(writer); return this; }

        /** Queued episodes that start a write in the background; default 1,000. */
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

        /**
         * The local memory scans every state exactly up to this many distinct states, and reads
         * through its graph index beyond ({@link EpisodicMemory.Builder#exactUpTo}); default
         * EpisodicMemory's. Keeping a graph index costs CPU on every new state.
         */
        public Builder exactUpTo(int states) { this.exactUpTo = states; return this; }

        /**
         * Removes everything the database's memory holds before this one is created from the
         * {@link #settings} (for a copy that replaces a memory). Default false.
         */
        public Builder replace(boolean replace) { this.replace = replace; return this; }

        /** Connects, creates or checks the schema and the memory's settings, and loads the episodes. */
        public PostgresMemory open() throws StoreException {
            if (url == null && dataSource == null) throw new IllegalArgumentException("give the memory's url or a dataSource");
            return new PostgresMemory(this);
        }

        private static String defaultWriter() {
            return ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        }
    }
}
