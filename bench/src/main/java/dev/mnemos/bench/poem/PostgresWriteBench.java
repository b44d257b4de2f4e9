package dev.mnemos.bench.poem;

import dev.mnemos.poem.store.MemorySettings;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.ReadSettings;
import dev.mnemos.poem.postgres.PostgresMemory;
import dev.mnemos.poem.store.PoemFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Episodes per second that one process writes into a local PostgreSQL (embedded, started once per
 * fork): each invocation writes 10,000 episodes of d = 384, T = 8 orders per state as training
 * writes them, through {@link PostgresMemory#write} (queued, sent in batches of 1,000 by its
 * background thread), then {@link PostgresMemory#flush}, so the rate counts until every row is
 * committed. The table grows through the run; past L = {@code capacity} rows every batch also
 * evicts the oldest, as a full memory does. The new table and server per fork put the two
 * {@code exactUpTo} runs on the same footing.
 *
 * <pre>bench/run 'PostgresWrite'</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
@Threads(1)
public class PostgresWriteBench {

    static final int EPISODES = 10_000;

    @Param({"100000"})
    int capacity;

    /**
     * The local memory's exact scan up to this many distinct states, its graph index beyond:
     * 10,000 is the default, so past 80,000 episodes every new state also goes into the graph (CPU
     * of this process); {@code 2147483647} keeps the local copy an exact scan, which leaves the
     * database path alone.
     */
    @Param({"10000", "2147483647"})
    int exactUpTo;

    EmbeddedPostgres server;
    PostgresMemory memory;
    final Random random = new Random(1);
    final float[] state = new float[384];

    @Setup
    public void start() throws Exception {
        server = EmbeddedPostgres.builder().start();
        MemorySettings settings = new MemorySettings(4, ReadSettings.DEFAULT, false, capacity, "bench", 384, Permutation.identity(4));
        memory = PostgresMemory.builder().url(server.getJdbcUrl("postgres", "postgres")).settings(settings)
                .batchSize(1_000).syncEvery(Duration.ofSeconds(1)).writer("bench").exactUpTo(exactUpTo).open();
    }

    @Benchmark
    @OperationsPerInvocation(EPISODES)
    public void write() throws Exception {
        for (int i = 0; i < EPISODES; i++) {
            if (i % 8 == 0) for (int j = 0; j < state.length; j++) state[j] = (float) random.nextGaussian();
            memory.write(state, Permutation.fromIndex(4, i % 24), random.nextDouble());
        }
        memory.flush();
    }

    @TearDown
    public void stop() throws Exception {
        memory.close();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(*), max(id) FROM poem_episode")) {
            r.next();
            System.out.printf("%n%,d rows in poem_episode after %,d episodes written (L = %,d, exact local scan up to %,d states)%n",
                    r.getLong(1), r.getLong(2), capacity, exactUpTo);
        }
        server.close();
    }
}
