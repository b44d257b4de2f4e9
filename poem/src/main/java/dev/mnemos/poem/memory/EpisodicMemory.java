package dev.mnemos.poem.memory;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.embed.Vectors;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * POEM's memory: entries (state, action, reward, time), at most L of them, read by k nearest
 * neighbours.
 *
 * <ul>
 *   <li>{@link #write}: if (s, a) is stored, keep the larger reward; otherwise insert, evicting the
 *       oldest entry when L are stored.</li>
 *   <li>{@link #best}: the k stored states nearest the query (cosine); for every action stored with
 *       any of them, Q(a) = sum over those neighbours of cos(q, s) * r(s, a) (or the plain sum, or
 *       the mean: see {@link ReadSettings}, and {@link ActionValues} for the arithmetic);
 *       the argmax. Ties go to the action met first, nearest neighbour first. Empty when nothing
 *       is stored; the caller then uses its default order.</li>
 * </ul>
 *
 * <p>Each distinct state is stored once, with the actions tried on it. The nearest states are found
 * by a {@link StateIndex}: an exact scan ({@link ExactScan}) while the memory is small, and past
 * {@link Builder#exactUpTo} distinct states an approximate index ({@link ApproximateIndex}: mnemos-poem-graph's JVector graph) that
 * takes each new state as it is written (inserted off the writer's thread; reads see it at once);
 * a load builds it once, on every core, or takes the graph a file kept ({@link #snapshot()},
 * {@link #addAll(List, SavedIndex, java.util.function.Consumer)}).
 * Reads run concurrently; writes take an exclusive lock.
 */
public final class EpisodicMemory implements ActionValueEstimator {

    /** Distinct states up to which a read scans them all; see {@link Builder#exactUpTo}. */
    public static final int DEFAULT_EXACT_UP_TO = 10_000;
    /** See {@link Builder#searchBeam}. */
    public static final int DEFAULT_SEARCH_BEAM = 100;

    static final int TILE = ExactScan.TILE;

    private final int dimension;
    private final int capacity;
    private final int exactUpTo;
    private final ApproximateIndex.Provider approximate;
    private volatile int searchBeam;
    private volatile ReadSettings read;

    private StateIndex index;
    private Slot[] slots = new Slot[16];
    private int highWater;
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private final Map<StateKey, Integer> slotOf = new HashMap<>();
    private final ArrayDeque<EntryRef> fifo = new ArrayDeque<>();
    private final Map<Double, Integer> rewardCounts = new HashMap<>(); // entries per distinct reward
    private long clock;
    private boolean loading;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private EpisodicMemory(Builder b) {
        if (b.dimension < 1) throw new IllegalArgumentException("dimension must be set, got " + b.dimension);
        this.dimension = b.dimension;
        this.capacity = b.capacity;
        this.exactUpTo = b.exactUpTo;
        this.approximate = b.approximate;
        this.searchBeam = b.searchBeam; // a graph read keeps at least the k it is asked for
        this.index = new ExactScan(dimension);
        this.read = b.read;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int dimension() { return dimension; }

    public int k() { return read.k(); }

    public int capacity() { return capacity; }

    public Weighting weighting() { return read.weighting(); }

    /** How reads find and add up neighbours' rewards. */
    public ReadSettings read() { return read; }

    /** Changes how later reads work (e.g. to the settings {@link dev.mnemos.poem.tune.ReadTuner} chose); the entries stay. */
    public void read(ReadSettings settings) {
        this.read = java.util.Objects.requireNonNull(settings, "settings");
    }

    /**
     * Changes how many candidates later graph reads keep (see {@link Builder#searchBeam}), for
     * example on a memory loaded from a file; the entries and the graph stay.
     */
    public void searchBeam(int beam) {
        if (beam < 1) throw new IllegalArgumentException("searchBeam must be at least 1, got " + beam);
        lock.writeLock().lock();
        try {
            searchBeam = beam;
            if (index instanceof ApproximateIndex graph) graph.searchBeam(beam);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void write(float[] state, Permutation action, double reward) {
        checkDimension(state);
        // a NaN score never ranks below a kept one, so a non-finite state would enter every read's k nearest
        for (int i = 0; i < state.length; i++) {
            if (!Float.isFinite(state[i])) throw new IllegalArgumentException("state value " + i + " is " + state[i] + "; a state must be finite");
        }
        if (Double.isNaN(reward)) throw new IllegalArgumentException("reward is NaN");
        float[] s = Vectors.normalized(state);
        lock.writeLock().lock();
        try {
            insert(s, action, reward, clock++);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Permutation> best(float[] state) {
        Map<Permutation, Double> q = values(state);
        Permutation best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Permutation, Double> e : q.entrySet()) {
            if (e.getValue() > bestValue) {
                best = e.getKey();
                bestValue = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Q(a) for every action stored with one of the k nearest states, nearest neighbour's actions first. */
    public Map<Permutation, Double> values(float[] state) {
        checkDimension(state);
        float[] q = Vectors.normalized(state);
        ReadSettings settings = read;
        lock.readLock().lock();
        try {
            ActionValues values = new ActionValues(settings);
            for (int slot : nearestSlots(q, settings.k())) {
                Slot s = slots[slot];
                values.neighbour(Vectors.dot(q, s.vector), s.actions, s.rewards, s.count);
            }
            return values.values();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The k stored states nearest to the query, nearest first. */
    public List<Neighbour> nearest(float[] state, int count) {
        checkDimension(state);
        float[] q = Vectors.normalized(state);
        lock.readLock().lock();
        try {
            List<Neighbour> out = new ArrayList<>();
            for (int slot : nearestSlots(q, count)) {
                float[] v = slots[slot].vector;
                out.add(new Neighbour(v.clone(), Vectors.dot(q, v)));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether the entries stored hold at least two different rewards (see {@link ActionValueEstimator#rewardsDiffer}). */
    @Override
    public boolean rewardsDiffer() {
        lock.readLock().lock();
        try {
            return rewardCounts.size() > 1;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of entries (state, action) stored, at most L. */
    public int size() {
        lock.readLock().lock();
        try {
            return fifo.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A number that grows with every write (and restore): the same number twice means nothing was written in between. */
    public long version() {
        lock.readLock().lock();
        try {
            return clock;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of distinct states stored. */
    public int states() {
        lock.readLock().lock();
        try {
            return slotOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The reward stored for (state, action), if any. */
    public Optional<Double> reward(float[] state, Permutation action) {
        float[] s = Vectors.normalized(state);
        lock.readLock().lock();
        try {
            Integer slot = slotOf.get(new StateKey(s));
            if (slot == null) return Optional.empty();
            int i = slots[slot].indexOf(action);
            return i < 0 ? Optional.empty() : Optional.of(slots[slot].rewards[i]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** All entries, oldest first: what a file keeps. The states are copies. */
    public List<Episode> episodes() {
        lock.readLock().lock();
        try {
            return entries();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The entries and, when reads go through a graph, the graph, taken at one moment: what a file
     * keeps. The graph numbers states in the order they first appear in the episodes.
     */
    public Snapshot snapshot() throws java.io.IOException {
        lock.writeLock().lock(); // JVector settles the graph before saving it
        try {
            if (!(index instanceof ApproximateIndex graph)) return new Snapshot(entries(), Optional.empty());
            int[] numberOfSlot = new int[highWater];
            Arrays.fill(numberOfSlot, -1);
            int next = 0;
            for (EntryRef ref : fifo) if (numberOfSlot[ref.slot] < 0) numberOfSlot[ref.slot] = next++;
            return new Snapshot(entries(), Optional.of(graph.save(numberOfSlot)));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Entries oldest first, and the saved graph index when the memory reads through one. */
    public record Snapshot(List<Episode> episodes, Optional<SavedIndex> graph) {}

    private List<Episode> entries() {
        List<Episode> out = new ArrayList<>(fifo.size());
        for (EntryRef ref : fifo) {
            Slot s = slots[ref.slot];
            int i = s.indexOf(ref.action);
            out.add(new Episode(s.vector.clone(), ref.action, s.rewards[i], ref.time));
        }
        return out;
    }

    /**
     * Adds entries read from a file, oldest first, keeping their times (as writes would, but with
     * the stored times; entries already held stay).
     */
    public void addAll(List<Episode> episodes) {
        lock.writeLock().lock();
        try {
            if (index instanceof ApproximateIndex) {
                insertAll(episodes);
                return;
            }
            loading = true; // states go into an index once, at the end: the scan, or a graph built on every core
            try {
                insertAll(episodes);
            } finally { // also when an entry is refused: those before it are stored, and read
                loading = false;
                indexLoaded();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Adds a snapshot's entries to this empty memory and reads through its saved graph instead of
     * building one. A graph that does not fit the entries (another memory's, or damaged) is not
     * used: {@code note} is told why in one line and the graph is built from the states as
     * {@link #addAll(List)} would.
     */
    public void addAll(List<Episode> episodes, SavedIndex saved, java.util.function.Consumer<String> note) {
        lock.writeLock().lock();
        try {
            if (!slotOf.isEmpty()) throw new IllegalStateException("a saved graph goes only into an empty memory");
            loading = true; // the graph is taken or built below, once
            try {
                insertAll(episodes);
            } finally {
                loading = false;
                if (slotOf.size() > exactUpTo && approximate != null) index = savedOrBuilt(saved, note);
                else indexLoaded();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** After a load: the exact scan over every state, or past {@code exactUpTo} a graph. */
    private void indexLoaded() {
        if (slotOf.size() > exactUpTo && approximate != null) {
            switchToGraph();
            return;
        }
        index = new ExactScan(dimension);
        for (int slot = 0; slot < highWater; slot++) if (slots[slot] != null) index.add(slot, slots[slot].vector);
    }

    /** The saved graph when it fits the states just loaded (slot i holding the i-th distinct state of the episodes), else a new one. */
    private StateIndex savedOrBuilt(SavedIndex saved, java.util.function.Consumer<String> note) {
        try {
            if (highWater != slotOf.size() || !freeSlots.isEmpty()) throw new java.io.IOException("entries were evicted while loading");
            float[][] states = new float[highWater][];
            for (int slot = 0; slot < highWater; slot++) states[slot] = slots[slot].vector;
            return approximate.load(saved, states, searchBeam);
        } catch (java.io.IOException e) {
            note.accept("the saved graph index does not fit the memory (" + e.getMessage() + "); building it again");
            switchToGraph();
            return index;
        }
    }

    private void insertAll(List<Episode> episodes) {
        for (Episode e : episodes) {
            checkDimension(e.state());
            insert(unit(e.state()), e.action(), e.reward(), e.time());
            clock = Math.max(clock, e.time() + 1);
        }
    }

    /**
     * A unit-length copy of a state: a state already of unit length (as every stored state is) is
     * kept bit for bit, because normalising it again can move its last bit, and a memory saved and
     * loaded back would then no longer match its own states.
     */
    public static float[] unit(float[] state) {
        double sum = 0;
        for (float x : state) sum += (double) x * x;
        return Math.abs(sum - 1) < 1e-5 ? state.clone() : Vectors.normalized(state);
    }

    private void insert(float[] s, Permutation action, double reward, long time) {
        StateKey key = new StateKey(s);
        Integer existing = slotOf.get(key);
        if (existing != null) {
            Slot slot = slots[existing];
            int i = slot.indexOf(action);
            if (i >= 0) {
                if (reward > slot.rewards[i]) {
                    counted(slot.rewards[i], -1);
                    counted(reward, 1);
                    slot.rewards[i] = reward;
                }
                return;
            }
        }
        if (!loading) index.ready(); // an index that refuses the state does so before the eviction below
        if (fifo.size() >= capacity) evictOldest();
        Integer slotIndex = slotOf.get(key); // the eviction may have freed this very state
        if (slotIndex == null) slotIndex = newSlot(s, key);
        slots[slotIndex].add(action, reward);
        counted(reward, 1);
        fifo.addLast(new EntryRef(slotIndex, action, time));
    }

    /** Keeps count of the entries holding each reward (-0.0 counted as 0.0), for {@link #rewardsDiffer}. */
    private void counted(double reward, int change) {
        rewardCounts.merge(reward + 0.0, change, (a, b) -> a + b == 0 ? null : a + b);
    }

    private void evictOldest() {
        EntryRef old = fifo.pollFirst();
        Slot slot = slots[old.slot];
        counted(slot.rewards[slot.indexOf(old.action)], -1);
        slot.remove(old.action);
        if (slot.count == 0) {
            slotOf.remove(new StateKey(slot.vector));
            slots[old.slot] = null;
            freeSlots.push(old.slot);
            if (!loading) index.remove(old.slot);
        }
    }

    private int newSlot(float[] s, StateKey key) {
        int slot = freeSlots.isEmpty() ? highWater : freeSlots.peek();
        if (!loading) index.add(slot, s); // first: an index that refuses the state leaves the slots as they were
        if (slot == highWater) highWater++;
        else freeSlots.pop();
        if (slot >= slots.length) slots = Arrays.copyOf(slots, slots.length * 2);
        slots[slot] = new Slot(s);
        slotOf.put(key, slot);
        if (!loading && index instanceof ExactScan && slotOf.size() > exactUpTo && approximate != null) switchToGraph(); // a load makes its index once done
        return slot;
    }

    /** Past {@code exactUpTo} states a graph reads faster than the scan: put every state into one, once, on every core. */
    private void switchToGraph() {
        int[] held = new int[slotOf.size()];
        float[][] vectors = new float[held.length][];
        int n = 0;
        for (int slot = 0; slot < highWater; slot++) {
            if (slots[slot] == null) continue;
            held[n] = slot;
            vectors[n++] = slots[slot].vector;
        }
        ApproximateIndex graph = approximate.create(dimension, searchBeam);
        graph.addAll(held, vectors); // if the build fails the graph still holds every state, read exactly, and builds again on the next write
        index = graph;
    }

    /** Slots of the {@code count} live states with the highest dot product with q, best first. */
    private int[] nearestSlots(float[] q, int count) {
        return index.nearest(q, count);
    }

    private void checkDimension(float[] state) {
        if (state.length != dimension) {
            throw new IllegalArgumentException("state has " + state.length + " dimensions, the memory " + dimension);
        }
    }

    /** The actions tried on one state and their rewards. */
    private static final class Slot {
        final float[] vector;
        Permutation[] actions = new Permutation[4];
        double[] rewards = new double[4];
        int count;

        Slot(float[] vector) {
            this.vector = vector;
        }

        int indexOf(Permutation action) {
            for (int i = 0; i < count; i++) if (actions[i].equals(action)) return i;
            return -1;
        }

        void add(Permutation action, double reward) {
            if (count == actions.length) {
                actions = Arrays.copyOf(actions, count * 2);
                rewards = Arrays.copyOf(rewards, count * 2);
            }
            actions[count] = action;
            rewards[count] = reward;
            count++;
        }

        void remove(Permutation action) {
            int i = indexOf(action);
            System.arraycopy(actions, i + 1, actions, i, count - i - 1);
            System.arraycopy(rewards, i + 1, rewards, i, count - i - 1);
            count--;
            actions[count] = null;
        }
    }

    private record EntryRef(int slot, Permutation action, long time) {}

    private record StateKey(float[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StateKey other && Arrays.equals(v, other.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }

    public static final class Builder {
        private int dimension;
        private int capacity = 100_000;
        private int exactUpTo = DEFAULT_EXACT_UP_TO;
        private int searchBeam = DEFAULT_SEARCH_BEAM;
        private ReadSettings read = ReadSettings.DEFAULT;
        private ApproximateIndex.Provider approximate = ApproximateIndex.Provider.found();

        private Builder() {}

        /**
         * What reads go through past {@link #exactUpTo} distinct states; default the provider found on
         * the class path (mnemos-poem-graph's JVector graph), or none: then every read scans every
         * state exactly, however many there are.
         */
        public Builder approximate(ApproximateIndex.Provider provider) { this.approximate = provider; return this; }

        /** Length of the state embeddings (384 for MiniLM). Required. */
        public Builder dimension(int dimension) { this.dimension = dimension; return this; }

        /** Neighbours read per query; default 5. */
        public Builder k(int k) {
            this.read = read.withK(k);
            return this;
        }

        /** L, the most entries kept; default 100,000. */
        public Builder capacity(int capacity) {
            if (capacity < 1) throw new IllegalArgumentException("L must be at least 1, got " + capacity);
            this.capacity = capacity;
            return this;
        }

        /** Default {@link Weighting#SIMILARITY}. */
        public Builder weighting(Weighting weighting) { this.read = read.withWeighting(weighting); return this; }

        /** k, weighting and aggregate at once; default {@link ReadSettings#DEFAULT}. */
        public Builder read(ReadSettings read) { this.read = java.util.Objects.requireNonNull(read, "read"); return this; }

        /**
         * Up to this many distinct states a read scans them all (exact); past it the memory moves them
         * into an approximate graph index (JVector) once and keeps it up to date. Default
         * {@value #DEFAULT_EXACT_UP_TO}, where the graph's read becomes the faster (measured, see the README).
         * {@code Integer.MAX_VALUE} keeps the exact scan always; 0 uses the graph from the start.
         */
        public Builder exactUpTo(int states) {
            if (states < 0) throw new IllegalArgumentException("exactUpTo must be at least 0, got " + states);
            this.exactUpTo = states;
            return this;
        }

        /** Candidates a graph read keeps (at least k); more is slower and nearer the exact read. Default {@value #DEFAULT_SEARCH_BEAM}. */
        public Builder searchBeam(int beam) {
            if (beam < 1) throw new IllegalArgumentException("searchBeam must be at least 1, got " + beam);
            this.searchBeam = beam;
            return this;
        }

        public EpisodicMemory build() {
            return new EpisodicMemory(this);
        }
    }
}
