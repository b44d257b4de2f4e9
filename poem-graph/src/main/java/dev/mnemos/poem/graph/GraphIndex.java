package dev.mnemos.poem.graph;

import dev.mnemos.poem.memory.ApproximateIndex;
import dev.mnemos.poem.memory.ExactScan;
import dev.mnemos.poem.memory.SavedIndex;
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
import java.util.stream.IntStream;

/**
 * The approximate read: a JVector graph (HNSW-style, hierarchical, with DiskANN's diverse
 * neighbour pruning) over the stored states. A read visits a few thousand states instead of all.
 *
 * <p>States go into the graph as they are written, off the writer's thread: a write hands the state
 * to the inserters (the pool it was given, see the constructor) and returns, and until the state is in the
 * graph reads score it exactly alongside the graph's answer, so a read always sees every write
 * before it. A writer more than {@value #MAX_PENDING} states ahead of the inserters waits for them.
 * A removed state stays in the graph as a tombstone that reads pass through but never return; when
 * tombstones outnumber live states the graph is built again from the live ones (see
 * {@link #rebuild}). Graph nodes are numbered apart from the memory's slots for that reason.
 */
final class GraphIndex implements ApproximateIndex {

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
    private final ForkJoinPool inserters;
    private final Object progress = new Object(); // guards running and insertFailure; notified when a run ends
    private boolean running; // a run of published nodes is submitted or under way; one at a time
    private volatile Throwable insertFailure; // the next write builds the graph again
    private final Queue<GraphSearcher> searchers = new ConcurrentLinkedQueue<>();
    private final Bits liveNodes = node -> node < slotOfNode.length && slotOfNode[node] >= 0;

    /** A graph with the default {@link #DEGREE} and {@link #BUILD_BEAM}, inserting on {@code inserters}. */
    GraphIndex(int dimension, int searchBeam, ForkJoinPool inserters) {
        this(dimension, searchBeam, DEGREE, BUILD_BEAM, inserters);
    }

    /**
     * @param dimension  the length of the states
     * @param searchBeam candidates kept while reading (at least k): more is slower and nearer exact
     * @param degree     neighbours per node, the graph's M (JVector keeps up to twice as many on the bottom layer)
     * @param buildBeam  candidates kept while inserting a node
     * @param inserters  where states go into the graph, as JVector's GraphIndexBuilder takes its
     *                   executor: each write's state is inserted off the writer's thread, in runs of
     *                   at most {@value #RUN} nodes spread over the pool's threads; loads and rebuilds
     *                   insert all their states there at once. The graphs of a process may share one.
     */
    GraphIndex(int dimension, int searchBeam, int degree, int buildBeam, ForkJoinPool inserters) {
        this.inserters = java.util.Objects.requireNonNull(inserters, "inserters");
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
        startRun();
        awaitInserted(MAX_PENDING);
    }

    /**
     * Adds many states at once (slot i holds vectors[i]), inserting them into the graph on every
     * core before it returns: what moving a memory into the graph and loading one do. Slots must
     * not be held yet. If the graph cannot take them, the failure is kept: reads score the states
     * exactly and the next write builds the graph again ({@link #ready}).
     */
    @Override
    public void addAll(int[] slots, float[][] vectors) {
        settle();
        int first = nodes;
        for (int i = 0; i < slots.length; i++) place(slots[i], vectors[i]);
        int last = nodes;
        try {
            inserters.submit(() -> insert(first, last)).join();
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

    /**
     * Submits a run of the published nodes unless one is under way (or an insert failed: the next
     * write builds the graph again first). Called by a writer or a waiter, from outside the pool.
     */
    private void startRun() {
        synchronized (progress) {
            if (running || insertFailure != null || published == inGraph) return;
            running = true;
        }
        try {
            inserters.execute(this::run);
        } catch (Throwable e) { // the pool refused it (shut down, out of memory): kept, never waited on
            ended(e);
        }
    }

    /**
     * One run: at most {@value #RUN} published nodes into the graph. While more are published the
     * next run follows at once, even while the writer waits on something else (its database), but
     * it is submitted from outside the pool: a worker would run a task it submitted itself before
     * any other graph's, so graphs written at once take turns this way.
     */
    private void run() {
        Throwable failed = null;
        try {
            int from = inGraph;
            int to = Math.min(published, from + RUN);
            if (from < to) insert(from, to);
            inGraph = to;
        } catch (Throwable e) { // an Error too: a save waiting for this run must not wait for ever
            failed = e;
        }
        boolean more;
        synchronized (progress) {
            if (failed != null) insertFailure = failed;
            more = insertFailure == null && published > inGraph;
            running = more;
            progress.notifyAll();
        }
        if (!more) return;
        try {
            // the JDK's delayed executor hands the task to the pool from its own scheduler thread
            java.util.concurrent.CompletableFuture.delayedExecutor(0, java.util.concurrent.TimeUnit.NANOSECONDS, inserters).execute(this::run);
        } catch (Throwable e) {
            ended(e);
        }
    }

    /** A run ended (or was never started), with its failure if any: waiters look again. */
    private void ended(Throwable failure) {
        synchronized (progress) {
            if (failure != null) insertFailure = failure;
            running = false;
            progress.notifyAll();
        }
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

    /**
     * Waits until at most {@code behind} published nodes are not in the graph yet, starting runs as
     * they end, or until an insert failed.
     */
    private void awaitInserted(int behind) {
        while (published - inGraph > behind && insertFailure == null) {
            startRun();
            awaitWhile(() -> running && published - inGraph > behind);
        }
    }

    /**
     * Waits while {@code pending} holds, looking again each time a run ends. An interrupt does not
     * end the wait (a writer that stopped waiting would let the backlog grow without bound); it is
     * kept for the caller.
     */
    private void awaitWhile(java.util.function.BooleanSupplier pending) {
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
     * Every published node into the graph, or the graph built again if an insert failed: before the
     * graph is saved or replaced.
     */
    private void settle() {
        awaitInserted(0);
        awaitWhile(() -> running); // a run that failed may still be ending
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
    @Override
    public void searchBeam(int beam) {
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
    @Override
    public SavedIndex save(int[] numberOfSlot) throws IOException {
        return new SavedIndex(savedGraph(numberOfSlot).bytes());
    }

    /** {@link #save} before it becomes bytes. */
    SavedGraph savedGraph(int[] numberOfSlot) throws IOException {
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
    static GraphIndex load(SavedGraph saved, float[][] states, int searchBeam, ForkJoinPool inserters) throws IOException {
        if (saved.dimension != (states.length == 0 ? saved.dimension : states[0].length)) {
            throw new IOException("its states have " + saved.dimension + " dimensions");
        }
        GraphIndex g = new GraphIndex(saved.dimension, searchBeam, saved.degree, saved.buildBeam, inserters);
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
        awaitWhile(() -> running); // a failed run may still be ending
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
