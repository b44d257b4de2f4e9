package dev.mnemos.poem.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps what a memory learns online: saves the memory file on an interval when something was
 * written since the last save, and once more on {@link #close()}. Every save goes through
 * {@link PoemFile#save} (a temporary file renamed over the old one), so a crash at any moment leaves
 * the previous file or the new one, never a damaged one. While it runs it holds the file's
 * {@link MemoryLock}, so a {@code poem train} on the same file is refused instead of being
 * overwritten. Writes ({@code Poem.feedback}) may come from any number of threads while it saves:
 * each save is a consistent snapshot of the memory.
 *
 * <pre>{@code
 * FileMemoryStore store = FileMemoryStore.open(file, StoreOptions.DEFAULT);  // read: the autosave holds the lock
 * Poem poem = store.poem(encoder);
 * try (Autosave autosave = Autosave.builder().file(file).contents(store.contents()).every(Duration.ofSeconds(30)).start()) {
 *     ... serve requests, poem.feedback(selection, reward) ...
 * }   // saved on close
 * }</pre>
 */
public final class Autosave implements AutoCloseable {

    private final Path file;
    private final PoemFile.Contents contents;
    private final Consumer<IOException> onFailure;
    private final MemoryLock lock;
    private final ScheduledExecutorService timer;
    private long savedVersion = -1;
    private long saves;
    private boolean closed;

    private Autosave(Builder b) throws IOException {
        this.file = Objects.requireNonNull(b.file, "file");
        this.contents = Objects.requireNonNull(b.contents, "contents");
        this.onFailure = b.onFailure;
        this.lock = MemoryLock.acquire(file, "an application's autosave");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "poem-autosave " + file.getFileName());
            t.setDaemon(true);
            return t;
        });
        long every = b.every.toMillis();
        timer.scheduleWithFixedDelay(this::saveInBackground, every, every, TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Saves now if anything was written since the last save; returns whether it saved. */
    public synchronized boolean saveIfChanged() throws IOException {
        if (closed) throw new IllegalStateException("autosave of " + file + " is closed");
        long version = contents.memory().version();
        if (version == savedVersion) return false;
        PoemFile.save(file, contents);
        savedVersion = version;
        saves++;
        return true;
    }

    /** How many times the file was written so far. */
    public synchronized long saves() {
        return saves;
    }

    private void saveInBackground() {
        try {
            saveIfChanged();
        } catch (IOException e) {
            onFailure.accept(e);
        } catch (IllegalStateException closedMeanwhile) {
            // close() has taken over
        }
    }

    /** Stops the timer, saves what is not saved yet, and lets go of the file's lock. */
    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            synchronized (this) {
                if (closed) return;
                saveIfChanged();
                closed = true;
            }
        } finally {
            lock.close();
        }
    }

    public static final class Builder {
        private Path file;
        private PoemFile.Contents contents;
        private Duration every = Duration.ofSeconds(30);
        private Consumer<IOException> onFailure = e -> System.err.println("poem autosave: " + e.getMessage());

        private Builder() {}

        /** The memory file written. Required. */
        public Builder file(Path file) { this.file = file; return this; }

        /** What is saved: the memory (written to by feedback), its settings, task, pool and log. Required. */
        public Builder contents(PoemFile.Contents contents) { this.contents = contents; return this; }

        /** How often to save when something changed; default 30 s. */
        public Builder every(Duration every) {
            if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("the autosave interval must be positive, got " + every);
            this.every = every;
            return this;
        }

        /** Hears a background save's failure (the next one tries again); default a line on standard error. */
        public Builder onFailure(Consumer<IOException> onFailure) { this.onFailure = Objects.requireNonNull(onFailure); return this; }

        /** Takes the file's lock and starts the timer. */
        public Autosave start() throws IOException {
            return new Autosave(this);
        }
    }
}
