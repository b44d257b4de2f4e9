package dev.mnemos.poem.store;

import dev.mnemos.poem.memory.Weighting;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a memory is opened ({@link MemoryStores#open}); every setting is optional. Built with
 * {@link #builder()}; {@link #DEFAULT} opens an existing memory to read it.
 */
public final class StoreOptions {

    /** Opens an existing memory as it is, to read it. */
    public static final StoreOptions DEFAULT = builder().build();

    private final MemorySettings create;
    private final String encoder;
    private final int dimension;
    private final Integer m;
    private final String writer;
    private final boolean lock;
    private final boolean replace;
    private final Integer k;
    private final Weighting weighting;
    private final Integer exactUpTo;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final Consumer<String> notes;

    private StoreOptions(Builder b) {
        this.create = b.create;
        this.encoder = b.encoder;
        this.dimension = b.dimension;
        this.m = b.m;
        this.writer = b.writer;
        this.lock = b.lock;
        this.replace = b.replace;
        this.k = b.k;
        this.weighting = b.weighting;
        this.exactUpTo = b.exactUpTo;
        this.user = b.user;
        this.password = b.password;
        this.timeout = b.timeout;
        this.notes = b.notes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings a memory that does not exist yet is created with; null: it must exist. */
    public MemorySettings create() { return create; }

    /** The encoder an existing memory must have been written with, or null for any. */
    public String encoder() { return encoder; }

    /** The state length an existing memory must have, with {@link #encoder()}. */
    public int dimension() { return dimension; }

    /** The m an existing memory must have, or null for any. */
    public Integer m() { return m; }

    /** What opens the memory, e.g. {@code poem train}: named to others who find it in use. */
    public String writer() { return writer; }

    /** Whether to hold the memory's writer lock while open (a file's {@link MemoryLock}). */
    public boolean lock() { return lock; }

    /** Whether to start the memory anew from {@link #create()}, whatever it holds now. */
    public boolean replace() { return replace; }

    public Integer k() { return k; }

    public Weighting weighting() { return weighting; }

    public Integer exactUpTo() { return exactUpTo; }

    public String user() { return user; }

    public String password() { return password; }

    /** The longest wait for a memory reached over a network, or null for the store's default. */
    public Duration timeout() { return timeout; }

    /** Where one-line notes go (a saved index that could not be used, say). */
    public Consumer<String> notes() { return notes; }

    /**
     * Refuses an existing memory written with another encoder, dimension or m than {@link #encoder},
     * {@link #dimension} and {@link #m} ask for; {@code where} names it.
     */
    public void check(MemorySettings stored, String where) {
        if (encoder == null) return;
        boolean sameM = m == null || m == stored.m();
        if (stored.encoder().equals(encoder) && stored.dimension() == dimension && sameM) return;
        throw new dev.mnemos.poem.data.DataException(where + ": the memory there was written with encoder " + stored.encoder()
                + " (" + stored.dimension() + " dimensions) and m = " + stored.m() + "; this run uses " + encoder + " (" + dimension
                + " dimensions)" + (m == null ? "" : " and m = " + m));
    }

    public static final class Builder {
        private MemorySettings create;
        private String encoder;
        private int dimension;
        private Integer m;
        private String writer = "an application";
        private boolean lock;
        private boolean replace;
        private Integer k;
        private Weighting weighting;
        private Integer exactUpTo;
        private String user;
        private String password;
        private Duration timeout;
        private Consumer<String> notes = note -> System.err.println("note: " + note);

        private Builder() {}

        /**
         * Creates the memory with these settings when it does not exist, and refuses an existing
         * one of another encoder, dimension or m (as {@link #expect} with all three).
         */
        public Builder create(MemorySettings settings) {
            this.create = Objects.requireNonNull(settings, "settings");
            return expect(settings.encoder(), settings.dimension(), settings.m());
        }

        /** An existing memory must have been written with this encoder and dimension, and m unless null. */
        public Builder expect(String encoder, int dimension, Integer m) {
            this.encoder = Objects.requireNonNull(encoder, "encoder");
            this.dimension = dimension;
            this.m = m;
            return this;
        }

        /** What opens it, e.g. "poem train"; default "an application". */
        public Builder writer(String writer) { this.writer = Objects.requireNonNull(writer); return this; }

        /** Hold the memory's writer lock while open: one writer per memory file. Default false (reading). */
        public Builder lock(boolean lock) { this.lock = lock; return this; }

        /** Start the memory anew from {@link #create} (a copy with --force). Default false. */
        public Builder replace(boolean replace) { this.replace = replace; return this; }

        /** Neighbours read per query, for this process's reads only (the stored read stays); null: the stored k. */
        public Builder k(Integer k) { this.k = k; return this; }

        /** The weighting of this process's reads only; null: the stored one. */
        public Builder weighting(Weighting weighting) { this.weighting = weighting; return this; }

        /** Distinct states up to which reads scan them all ({@link dev.mnemos.poem.memory.EpisodicMemory.Builder#exactUpTo}). */
        public Builder exactUpTo(Integer states) { this.exactUpTo = states; return this; }

        /** The user of a memory in a database (else the URL's). */
        public Builder user(String user) { this.user = user; return this; }

        /** The password of a memory in a database (else the URL's); never printed. */
        public Builder password(String password) { this.password = password; return this; }

        /** The longest wait for a memory reached over a network (connect, any answer, a statement). */
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }

        /** Where notes go; default standard error. */
        public Builder notes(Consumer<String> notes) { this.notes = Objects.requireNonNull(notes); return this; }

        public StoreOptions build() {
            return new StoreOptions(this);
        }
    }
}
