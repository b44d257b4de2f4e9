package dev.mnemos.poem.spring.boot;

import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.store.Autosave;
import dev.mnemos.poem.store.MemoryStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * POEM's memory in {@code /actuator/health} (as {@code poem}): its location, size (episodes and
 * distinct states), m, encoder and read; for a file its last save and background saves, for the
 * application's DataSource whether the database answers and this replica's last commit. Down when
 * the database does not answer, or the last background save or write failed.
 */
public class PoemHealthIndicator extends AbstractHealthIndicator {

    private final MemoryStore store;
    private final Autosave autosave;
    private final SaveFailures failures;
    private final DataSource dataSource;
    private final PoemProperties properties;

    PoemHealthIndicator(MemoryStore store, Autosave autosave, SaveFailures failures, DataSource dataSource, PoemProperties properties) {
        super("POEM's memory could not be checked");
        this.store = store;
        this.autosave = autosave;
        this.failures = failures;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws IOException {
        EpisodicMemory memory = store.memory();
        health.up()
                .withDetail("location", store.location())
                .withDetail("episodes", memory.size())
                .withDetail("states", memory.states())
                .withDetail("m", store.settings().m())
                .withDetail("encoder", store.settings().encoder())
                .withDetail("read", memory.read().toString());
        if (properties.getMemory().isDataSource()) {
            DataSourceMemoryHealth.health(health, store, dataSource, properties.getMemory().getTimeout());
            return;
        }
        Optional<Path> file = store.file();
        Instant lastSave = file.isPresent() && Files.exists(file.get()) ? Files.getLastModifiedTime(file.get()).toInstant() : null;
        health.withDetail("lastSave", lastSave == null ? "never" : lastSave.toString());
        health.withDetail("autosave", autosave == null ? "off" : "every " + properties.getAutosave().getEvery() + ", " + autosave.saves() + " saves");
        failures.since(lastSave).ifPresent(f -> health.down().withDetail("lastSaveFailure", f.at() + ": " + f.error().getMessage()));
    }
}
