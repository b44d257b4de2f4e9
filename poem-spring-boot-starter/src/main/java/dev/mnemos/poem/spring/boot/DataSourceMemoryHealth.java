package dev.mnemos.poem.spring.boot;

import dev.mnemos.poem.postgres.PostgresMemory;
import dev.mnemos.poem.store.MemoryStore;
import org.springframework.boot.actuate.health.Health;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** The health of a memory in the application's DataSource (loaded only for one, with Actuator present). */
final class DataSourceMemoryHealth {

    private DataSourceMemoryHealth() {}

    /** Whether the database answers, and this replica's last commit and last failure. */
    static void health(Health.Builder health, MemoryStore store, DataSource dataSource, Duration timeout) {
        String reachable = reachable(dataSource, timeout);
        health.withDetail("database", reachable);
        if (!reachable.equals("reachable")) health.down();
        if (store instanceof PostgresMemory postgres) {
            health.withDetail("lastSave", postgres.lastCommit().map(Object::toString).orElse("none yet"));
            postgres.lastFailure().ifPresent(e -> health.down().withDetail("lastFailure", e.getMessage()));
        }
    }

    private static String reachable(DataSource dataSource, Duration timeout) {
        if (dataSource == null) return "no DataSource";
        try (Connection c = dataSource.getConnection()) {
            return c.isValid((int) Math.max(1, timeout.toSeconds())) ? "reachable" : "unreachable: the connection is not valid";
        } catch (SQLException e) {
            return "unreachable: " + e.getMessage();
        }
    }
}
