package dev.mnemos.poem.memory;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The approximate read: a JVector graph (HNSW-style, hierarchical, with DiskANN's diverse
 * neighbour pruning) over the stored states. A read visits a few thousand states instead of all.
 *
 * <p>States go into the graph as they are written, off the writer's thread: a write hands the state
 * to the inserters (every core, shared by all graphs) and returns, and until the state is in the
 * graph reads score it exactly alongside the graph's answer, so a read always sees every write
 * before it. A writer more than {@value #MAX_PENDING} states ahead of the inserters waits for them.
 * A removed state stays in the graph as a tombstone that reads pass through but never return; when
 * tombstones outnumber live states the graph is built again from the live ones (see
 * {@link #rebuild}). Graph nodes are numbered apart from the memory's slots for that reason.
 */
final class GraphIndex implements StateIndex {

    /**
     * Neighbours per node (the graph's M); JVector keeps up to twice as many on the bottom layer.
     * M = 16 with 100 build candidates reached recall@5 0.70 at a million clustered states; M = 32
     * with 200 reached 0.99 (bench/results/ann-1m-m32-harness.log, poem/README.md).
     */
    static final int DEGREE = 32;
    /** Candidates kept while inserting a node. */
    static final int BUILD_BEAM = 200;

    /** States written but not yet in the graph that a writer may leave behind before it waits. */
    static final int MAX_PENDING = 1_024;
    /** Nodes an inserters' run takes at most, so that reads and a waiting writer see progress often. */
    static final int RUN = 256;

    /**
     * JVector logs through java.util.logging: on every JDK before 20 a warning that it falls back
     * to slower vector code, and notes on how many threads it sizes its pools to. The graph scores
     * through {@link FloatDot} (SIMD where the JVM has the incubator module), not JVector's vector
     * code, and runs on the executor it is given, so neither says anything about this index: its
     * loggers are held at SEVERE (unless an application set their level first).
     */
    private static final java.util.logging.Logger JVECTOR_LOG = quiet("io.github.jbellis.jvector");
    private static final VectorTypeSupport VECTORS = VectorizationProvider.getInstance().getVectorTypeSupport();
    /** Inserts states into every graph; its threads are daemons. */
    private static final ForkJoinPool INSERTERS = inserters();
    /** Submits an inserters' follow-up run from outside the pool, so that graphs take turns; a daemon thread. */
    private static final java.util.concurrent.Executor HANDOFF = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poem-graph-handoff");
        t.setDaemon(true);
        return t;
    });

    private final int dimension;
    private volatile int searchBeam;
    private final int degree;
    private final int buildBeam;
    private volatile float[][] vectorOfNode = new float[1024][]; // grown by copying: the inserters read it while a write adds
    private int[] slotOfNode = filled(1024);
    private int[] nodeOfSlot = filled(1024);
    private int nodes;
    private int live;
    private int tombstones;
    private final double[] sum;
    private volatile GraphIndexBuilder builder;
    private volatile int published; // nodes [0, published) have their vectors: the inserters may take them
    private volatile int inGraph; // nodes [0, inGraph) are in the graph; reads score the others exactly
    private final AtomicBoolean inserting = new AtomicBoolean(); // a task takes runs of published nodes
    private final AtomicInteger tasks = new AtomicInteger(); // this graph's tasks scheduled and not yet ended
    private volatile Throwable insertFailure; // the next write builds the graph again
    private final Object progress = new Object(); // notified when inGraph grows or a task ends
    private final Queue<GraphSearcher> searchers = new ConcurrentLinkedQueue<>();
    private final Bits liveNodes = node -> node < slotOfNode.length && slotOfNode[node] >= 0;

    /** @param searchBeam candidates kept while reading (at least k): more is slower and nearer exact */
    GraphIndex(int dimension, int searchBeam) {
        this(dimension, searchBeam, DEGREE, BUILD_BEAM);
    }

    GraphIndex(int dimension, int searchBeam, int degree, int buildBeam) {
        this.dimension = dimension;
        this.searchBeam = searchBeam;
        this.degree = degree;
        this.buildBeam = buildBeam;
        this.sum = new double[dimension];
        this.builder = newBuilder();
    }

    /**
     * Hands the state to the inserters and returns; waits only when they are {@value #MAX_PENDING}
     * states behind. After a failed insert the graph is first built again from the live states; if
     * that fails too, the state is refused with nothing changed.
     */
    @Override
    public void add(int slot, float[] vector) {
        ready();
        if (slot < nodeOfSlot.length && nodeOfSlot[slot] >= 0) remove(slot);
        place(slot, vector);
        published = nodes;
        insertInBackground();
        waitWhileBehind(MAX_PENDING);
    }

    /**
     * Adds many states at once (slot i holds vectors[i]), inserting them into the graph on every
     * core before it returns: what moving a memory into the graph and loading one do. Slots must
     * not be held yet. If the graph cannot take them, the failure is kept: reads score the states
     * exactly and the next write builds the graph again ({@link #ready}).
     */
    void addAll(int[] slots, float[][] vectors) {
        settle();
        int first = nodes;
        for (int i = 0; i < slots.length; i++) place(slots[i], vectors[i]);
        int last = nodes;
        try {
            INSERTERS.submit(() -> insert(first, last)).join();
        } catch (RuntimeException | Error e) {
            insertFailure = e; // every state is placed and reads score them exactly; the next write builds the graph again
            return;
        }
        published = last;
        inGraph = last;
    }

    /** Gives the next node the state of {@code slot}; the graph does not hold it yet. */
    private void place(int slot, float[] vector) {
        int node = nodes++;
        grow(node, slot);
        vectorOfNode[node] = vector;
        for (int i = 0; i < dimension; i++) sum[i] += vector[i];
        slotOfNode[node] = slot;
        nodeOfSlot[slot] = node;
        live++;
    }

    /** From a writer: starts a task for the published nodes unless one runs. */
    private void insertInBackground() {
        if (claim()) submit();
    }

    /** Takes the graph's one task slot, counted until the task ends. */
    private boolean claim() {
        if (insertFailure != null || !inserting.compareAndSet(false, true)) return false;
        tasks.incrementAndGet();
        return true;
    }

    /** Submits the claimed task; if it cannot be, keeps the failure and gives the slot back. */
    private void submit() {
        try {
            INSERTERS.execute(this::insertRun);
        } catch (Throwable e) {
            unclaim(e);
        }
    }

    /** Gives back a claimed task slot that no task will use, keeping why. */
    private void unclaim(Throwable failure) {
        insertFailure = failure;
        inserting.set(false);
        tasks.decrementAndGet();
        signal();
    }

    /**
     * The inserters' task: one run of published nodes into the graph. If more are left, the next
     * run is submitted from outside the pool ({@link #HANDOFF}): a worker runs the tasks it submits
     * itself before any other, so graphs written at once would otherwise starve each other.
     */
    private void insertRun() {
        try {
            int from = inGraph;
            int to = Math.min(published, from + RUN);
            if (from < to) insert(from, to);
            inGraph = to;
        } catch (Throwable e) { // an Error too: a save waiting for this task must not wait for ever
            insertFailure = e;
        }
        inserting.set(false);
        if (published > inGraph && claim()) { // published after the last look, or more than a run
            try {
                HANDOFF.execute(this::submit);
            } catch (Throwable e) {
                unclaim(e);
            }
        }
        tasks.decrementAndGet(); // last: settle() sees no task only once a follow-up is counted
        signal();
    }

    /** Nodes [from, to) into the graph on every core; after a failure the other nodes are skipped, not left running. */
    private void insert(int from, int to) {
        GraphIndexBuilder b = builder;
        float[][] vectors = vectorOfNode;
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        IntStream.range(from, to).parallel().forEach(node -> {
            if (failed.get() != null) return;
            try {
                b.addGraphNode(node, VECTORS.createFloatVector(vectors[node]));
            } catch (Throwable e) {
                failed.compareAndSet(null, e);
            }
        });
        Throwable e = failed.get();
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error error) throw error;
        if (e != null) throw new IllegalStateException(e);
    }

    private void signal() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /**
     * Waits until at most {@code behind} published nodes are not in the graph yet, or no task is
     * left to insert them (after a failure). An interrupt does not end the wait (a writer that
     * stopped waiting would let the backlog grow without bound); it is kept for the caller.
     */
    private void waitWhileBehind(int behind) {
        awaitProgress(() -> published - inGraph > behind && insertFailure == null && tasks.get() > 0);
    }

    /** Waits while {@code pending} holds, checking it each time a task makes progress or ends. */
    private void awaitProgress(java.util.function.BooleanSupplier pending) {
        boolean interrupted = false;
        synchronized (progress) {
            while (pending.getAsBoolean()) {
                try {
                    progress.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * Waits until this graph's tasks have ended, so that every published node is in the graph, or
     * builds the graph again if an insert failed: before the graph is saved or replaced. (A task
     * ends only when it found no node left or counted the task that takes them.)
     */
    private void settle() {
        awaitProgress(() -> tasks.get() > 0);
        if (insertFailure != null) recover();
    }

    /**
     * Before a write changes anything: after a failed insert, the graph built again from the live
     * states; if that fails too, an IllegalStateException, with the index as it was.
     */
    @Override
    public void ready() {
        if (insertFailure != null) recover();
    }

    private void recover() {
        Throwable cause = insertFailure;
        rebuild();
        if (insertFailure != null) {
            throw new IllegalStateException("the graph index could not be built again after a failed insert (" + cause + ")", insertFailure);
        }
    }

    /** Candidates later reads keep (at least k). */
    void searchBeam(int beam) {
        this.searchBeam = beam;
    }

    @Override
    public void remove(int slot) {
        int node = slot < nodeOfSlot.length ? nodeOfSlot[slot] : -1;
        if (node < 0) return;
        float[] vector = vectorOfNode[node];
        for (int i = 0; i < dimension; i++) sum[i] -= vector[i];
        slotOfNode[node] = -1; // a tombstone: reads pass through it but never return it
        nodeOfSlot[slot] = -1;
        live--;
        tombstones++;
        if (tombstones <= Math.max(1_000, live)) return;
        try {
            rebuild();
        } catch (RuntimeException | Error e) { // kept: the next write's ready() builds the graph again
            insertFailure = e;
        }
    }

    /** The graph's answer over the nodes it holds, and an exact score for each node not in it yet. */
    @Override
    public int[] nearest(float[] q, int count) {
        int n = Math.min(count, live);
        if (n == 0) return new int[0];
        int settled = inGraph; // nodes from here on may not be reachable through the graph yet
        SearchResult.NodeScore[] found = settled == 0 ? new SearchResult.NodeScore[0] : search(q, n);
        int[] slots = new int[found.length + nodes - settled];
        float[] scores = new float[slots.length];
        int kept = 0;
        for (SearchResult.NodeScore f : found) {
            if (f.node >= settled) continue; // scored below
            slots[kept] = slotOfNode[f.node];
            scores[kept++] = f.score;
        }
        float bar = kept == n ? lowest(scores, kept) : Float.NEGATIVE_INFINITY;
        ScoreFunction.ExactScoreFunction exact = scorer(q);
        for (int node = settled; node < nodes; node++) {
            if (slotOfNode[node] < 0) continue;
            float score = exact.similarityTo(node);
            if (score < bar) continue;
            slots[kept] = slotOfNode[node];
            scores[kept++] = score;
        }
        int[] best = ExactScan.sorted(Arrays.copyOf(slots, kept), Arrays.copyOf(scores, kept));
        return best.length > n ? Arrays.copyOf(best, n) : best;
    }

    private SearchResult.NodeScore[] search(float[] q, int n) {
        GraphSearcher searcher = searchers.poll();
        if (searcher == null) searcher = new GraphSearcher(builder.getGraph());
        try {
            searcher.setView(builder.getGraph().getView());
            return searcher.search(new DefaultSearchScoreProvider(scorer(q)), n, Math.max(n, searchBeam), 0f, 0f, liveNodes).getNodes();
        } finally {
            searchers.offer(searcher);
        }
    }

    private static float lowest(float[] scores, int count) {
        float low = Float.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) low = Math.min(low, scores[i]);
        return low;
    }

    /**
     * The graph as a file keeps it. {@code numberOfSlot[slot]} is the number the file gives the state
     * in that slot. Trims overfull neighbour lists first (JVector saves only a settled graph); the
     * memory's write lock must be held.
     */
    @SuppressWarnings("deprecation") // OnHeapGraphIndex.save: JVector's own on-heap format, read back by GraphIndexBuilder.load
    SavedGraph save(int[] numberOfSlot) throws IOException {
        settle();
        // cleanup() also marks the graph complete, so later views are JVector's FrozenView while inserts
        // go on: its neighbour lists are replaced whole, never changed in place, so reads stay sound,
        // and a node still being inserted is scored exactly by nearest() whatever the view shows
        builder.cleanup();
        int[] stateOfNode = new int[nodes];
        List<float[]> removed = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            int slot = slotOfNode[node];
            stateOfNode[node] = slot < 0 ? -1 : numberOfSlot[slot];
            if (slot < 0) removed.add(vectorOfNode[node]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ((OnHeapGraphIndex) builder.getGraph()).save(out);
        }
        return new SavedGraph(dimension, degree, buildBeam, stateOfNode, removed.toArray(float[][]::new), bytes.toByteArray());
    }

    /**
     * The graph a file kept, over the memory's states: state number i is in slot i and holds
     * {@code states[i]}. Checks that the nodes name every state once and that JVector reads back
     * a graph of that many nodes.
     *
     * @throws IOException when the saved graph does not fit these states or cannot be read
     */
    static GraphIndex load(SavedGraph saved, float[][] states, int searchBeam) throws IOException {
        if (saved.dimension != (states.length == 0 ? saved.dimension : states[0].length)) {
            throw new IOException("its states have " + saved.dimension + " dimensions");
        }
        GraphIndex g = new GraphIndex(saved.dimension, searchBeam, saved.degree, saved.buildBeam);
        g.adoptNodes(saved, states);
        try {
            g.builder.load(new BytesReader(saved.graph));
        } catch (RuntimeException e) { // a graph that passed the checksum but not JVector's reading
            throw new IOException("JVector could not read the graph (" + e + ")", e);
        }
        int read = g.builder.getGraph().size(0);
        if (read != g.nodes) throw new IOException("the graph has " + read + " nodes, the index " + g.nodes);
        g.published = g.nodes;
        g.inGraph = g.nodes;
        return g;
    }

    /** Numbers the nodes as the saved graph did, before JVector reads its edges (it scores them through these vectors). */
    private void adoptNodes(SavedGraph saved, float[][] states) throws IOException {
        boolean[] seen = new boolean[states.length];
        int nextRemoved = 0;
        for (int state : saved.stateOfNode) {
            if (state < -1 || state >= states.length || (state >= 0 && seen[state])) {
                throw new IOException("a node names state " + state + " of " + states.length);
            }
            if (state < 0 && nextRemoved == saved.removed.length) throw new IOException("more removed nodes than vectors");
            int node = nodes++;
            grow(node, Math.max(state, 0));
            if (state < 0) {
                vectorOfNode[node] = saved.removed[nextRemoved++];
                tombstones++;
                continue;
            }
            seen[state] = true;
            vectorOfNode[node] = states[state];
            for (int i = 0; i < dimension; i++) sum[i] += states[state][i];
            slotOfNode[node] = state;
            nodeOfSlot[state] = node;
            live++;
        }
        if (live != states.length) throw new IOException("the graph holds " + live + " of the " + states.length + " states");
        if (nextRemoved != saved.removed.length) throw new IOException("more removed vectors than nodes");
    }

    /**
     * Builds the graph again from the live states, numbered 0..live-1, once the tombstones outnumber
     * them. (JVector's own deletion, markNodeDeleted and removeDeletedNodes, lost most neighbours
     * in our churn test: new states were linked only to each other and reads starting from deleted
     * nodes found nothing; so removed states stay in the graph as plain waypoints instead.) Each
     * rebuild follows at least as many removals as it re-inserts, so it costs at most one insert
     * per removal, spent at once on the write that triggers it.
     */
    private void rebuild() {
        awaitProgress(() -> tasks.get() > 0); // a failed task may still be ending
        insertFailure = null; // the graph is made anew: addAll keeps a new failure, if any
        int[] liveSlots = new int[live];
        float[][] liveVectors = new float[live][];
        int n = 0;
        for (int node = 0; node < nodes; node++) {
            if (slotOfNode[node] < 0) continue;
            liveSlots[n] = slotOfNode[node];
            liveVectors[n++] = vectorOfNode[node];
        }
        vectorOfNode = new float[Math.max(1024, live * 2)][];
        slotOfNode = filled(vectorOfNode.length);
        Arrays.fill(nodeOfSlot, -1);
        nodes = 0;
        published = 0;
        inGraph = 0;
        live = 0;
        tombstones = 0;
        Arrays.fill(sum, 0);
        builder = newBuilder();
        searchers.clear();
        addAll(liveSlots, liveVectors);
    }

    /**
     * One thread per core. Threads idle for a day are retired, not after the default minute:
     * JVector keeps scratch space per thread in each graph, so new threads for every burst of
     * writes would pile it up.
     */
    private static ForkJoinPool inserters() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ForkJoinPool(cores, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false,
                cores, 256 + cores, 1, null, 1, TimeUnit.DAYS);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
        if (log.getLevel() == null) log.setLevel(java.util.logging.Level.SEVERE); // an application's own setting stays
        return log;
    }

    private GraphIndexBuilder newBuilder() {
        // hierarchical; no final refinement pass: cleanup(), before a save, then only trims overfull neighbour lists
        return new GraphIndexBuilder(new DotScores(), dimension, degree, buildBeam, 1.2f, 1.2f, true, false);
    }

    private void grow(int node, int slot) {
        if (node >= slotOfNode.length) {
            int size = Math.max(slotOfNode.length * 2, node + 1);
            vectorOfNode = Arrays.copyOf(vectorOfNode, size);
            slotOfNode = grown(slotOfNode, size);
        }
        if (slot >= nodeOfSlot.length) nodeOfSlot = grown(nodeOfSlot, Math.max(nodeOfSlot.length * 2, slot + 1));
    }

    private static int[] filled(int size) {
        int[] a = new int[size];
        Arrays.fill(a, -1);
        return a;
    }

    private static int[] grown(int[] a, int size) {
        int[] b = Arrays.copyOf(a, size);
        Arrays.fill(b, a.length, size, -1);
        return b;
    }

    /** Scores stored nodes against q as JVector's DOT_PRODUCT does, (1 + q.s) / 2, with our own dot product. */
    private ScoreFunction.ExactScoreFunction scorer(float[] q) {
        return node -> (1 + FloatDot.BEST.dot(q, vectorOfNode[node])) / 2;
    }

    /** What the graph builder scores with: exact dot products over the stored vectors. */
    private final class DotScores implements BuildScoreProvider {
        @Override public boolean isExact() { return true; }

        @Override public VectorFloat<?> approximateCentroid() {
            float[] c = new float[dimension];
            for (int i = 0; i < dimension; i++) c[i] = (float) (sum[i] / Math.max(1, live));
            return VECTORS.createFloatVector(c);
        }

        @Override public SearchScoreProvider searchProviderFor(VectorFloat<?> q) {
            return new DefaultSearchScoreProvider(scorer((float[]) q.get()));
        }

        @Override public SearchScoreProvider searchProviderFor(int node) {
            return new DefaultSearchScoreProvider(scorer(vectorOfNode[node]));
        }

        @Override public SearchScoreProvider diversityProviderFor(int node) {
            return searchProviderFor(node);
        }
    }
}
