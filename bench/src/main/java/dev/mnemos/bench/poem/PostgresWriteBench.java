package dev.mnemos.bench.poem;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.Weighting;
import dev.mnemos.poem.postgres.PostgresMemory;
import dev.mnemos.poem.store.PoemFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;

/**
 * Episodes per second that one process writes into a local PostgreSQL (embedded, started here):
 * EPISODES episodes of d = 384, T = 8 orders per state as training writes them, in batches of
 * 1,000, then a flush; the rate counts until every row is committed. Not JMH: a run is a few
 * seconds of I/O against a server, measured once.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.mnemos.bench.poem.PostgresWriteBench [EPISODES]</pre>
 */
public final class PostgresWriteBench {

    public static void main(String[] args) throws Exception {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            PoemFile.Settings settings = new PoemFile.Settings(4, dev.mnemos.poem.memory.ReadSettings.DEFAULT.withK(5), false, 1_000_000, "bench", 384, Permutation.identity(4));
            Random random = new Random(1);
            float[] state = new float[384];
            long start;
            try (PostgresMemory memory = PostgresMemory.builder().url(url).settings(settings).batchSize(1_000)
                    .syncEvery(Duration.ofSeconds(1)).writer("bench").open()) {
                start = System.nanoTime();
                for (int i = 0; i < episodes; i++) {
                    if (i % 8 == 0) for (int j = 0; j < state.length; j++) state[j] = (float) random.nextGaussian();
                    memory.write(state, Permutation.fromIndex(4, i % 24), random.nextDouble());
                }
                memory.flush();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
                 ResultSet r = st.executeQuery("SELECT count(*) FROM poem_episode")) {
                r.next();
                System.out.printf("%,d episodes (%,d rows) in %.2f s: %,.0f episodes/s%n", episodes, r.getLong(1), seconds, episodes / seconds);
            }
        }
    }
}
