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
import java.util.stream.IntStream;

/**
 * The approximate read: a JVector graph (HNSW-style, hierarchical, with DiskANN's diverse
 * neighbour pruning) over the stored states. A read visits a few thousand states instead of all.
 *
 * <p>States go into the graph as they are written. A removed state stays in the graph as a
 * tombstone that reads pass through but never return; when tombstones outnumber live states the
 * graph is built again from the live ones (see {@link #rebuild}). Graph nodes are numbered apart
 * from the memory's slots for that reason.
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

    private static final VectorTypeSupport VECTORS = VectorizationProvider.getInstance().getVectorTypeSupport();

    private final int dimension;
    private volatile int searchBeam;
    private final int degree;
    private final int buildBeam;
    private float[][] vectorOfNode = new float[1024][];
    private int[] slotOfNode = filled(1024);
    private int[] nodeOfSlot = filled(1024);
    private int nodes;
    private int live;
    private int tombstones;
    private final double[] sum;
    private GraphIndexBuilder builder;
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

    @Override
    public void add(int slot, float[] vector) {
        if (slot < nodeOfSlot.length && nodeOfSlot[slot] >= 0) remove(slot);
        int node = nodes++;
        grow(node, slot);
        vectorOfNode[node] = vector;
        for (int i = 0; i < dimension; i++) sum[i] += vector[i];
        slotOfNode[node] = slot;
        nodeOfSlot[slot] = node;
        live++;
        builder.addGraphNode(node, VECTORS.createFloatVector(vector));
    }

    /**
     * Adds many states at once (slot i holds vectors[i]), inserting them into the graph on every
     * core: what moving a memory into the graph and loading one do. Slots must not be held yet.
     */
    void addAll(int[] slots, float[][] vectors) {
        int first = nodes;
        for (int i = 0; i < slots.length; i++) {
            int node = nodes++;
            grow(node, slots[i]);
            vectorOfNode[node] = vectors[i];
            for (int j = 0; j < dimension; j++) sum[j] += vectors[i][j];
            slotOfNode[node] = slots[i];
            nodeOfSlot[slots[i]] = node;
            live++;
        }
        GraphIndexBuilder b = builder;
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        try {
            pool.submit(() -> IntStream.range(first, nodes).parallel()
                    .forEach(node -> b.addGraphNode(node, VECTORS.createFloatVector(vectorOfNode[node])))).join();
        } finally {
            pool.shutdown();
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
        if (tombstones > Math.max(1_000, live)) rebuild();
    }

    @Override
    public int[] nearest(float[] q, int count) {
        int n = Math.min(count, live);
        if (n == 0) return new int[0];
        GraphSearcher searcher = searchers.poll();
        if (searcher == null) searcher = new GraphSearcher(builder.getGraph());
        SearchResult result;
        try {
            searcher.setView(builder.getGraph().getView());
            result = searcher.search(new DefaultSearchScoreProvider(scorer(q)), n, Math.max(n, searchBeam), 0f, 0f, liveNodes);
        } finally {
            searchers.offer(searcher);
        }
        SearchResult.NodeScore[] found = result.getNodes();
        int[] slots = new int[found.length];
        float[] score = new float[found.length];
        for (int i = 0; i < found.length; i++) {
            slots[i] = slotOfNode[found[i].node];
            score[i] = found[i].score;
        }
        return ExactScan.sorted(slots, score);
    }

    /**
     * The graph as a file keeps it. {@code numberOfSlot[slot]} is the number the file gives the state
     * in that slot. Trims overfull neighbour lists first (JVector saves only a settled graph); the
     * memory's write lock must be held.
     */
    @SuppressWarnings("deprecation") // OnHeapGraphIndex.save: JVector's own on-heap format, read back by GraphIndexBuilder.load
    SavedGraph save(int[] numberOfSlot) throws IOException {
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
        live = 0;
        tombstones = 0;
        Arrays.fill(sum, 0);
        builder = newBuilder();
        searchers.clear();
        addAll(liveSlots, liveVectors);
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
