package dev.mnemos.poem.graph;

import dev.mnemos.poem.memory.ApproximateIndex;
import dev.mnemos.poem.memory.SavedIndex;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * JVector's graph as POEM's approximate index: registered for {@link java.util.ServiceLoader}, so a
 * memory with this artifact on its class path reads through a graph past
 * {@link dev.mnemos.poem.memory.EpisodicMemory.Builder#exactUpTo} distinct states.
 *
 * <p>Its graphs insert states on the pool they are given, as JVector's own GraphIndexBuilder takes
 * its executor: {@code EpisodicMemory.builder().approximate(new GraphIndexProvider(pool))}. The one
 * found through ServiceLoader shares {@link #defaultInserters()} among all the graphs of a process.
 */
public final class GraphIndexProvider implements ApproximateIndex.Provider {

    private final ForkJoinPool inserters;

    /** Graphs that insert on {@link #defaultInserters()}. */
    public GraphIndexProvider() {
        this(Shared.POOL);
    }

    /** Graphs that insert on {@code inserters} (all its threads work on a run of states at once). */
    public GraphIndexProvider(ForkJoinPool inserters) {
        this.inserters = Objects.requireNonNull(inserters, "inserters");
    }

    /**
     * The pool graphs share by default: one daemon thread per core. Threads idle for a day are
     * retired, not after the default minute: JVector keeps scratch space per thread in each graph,
     * so new threads for every burst of writes would pile it up.
     */
    public static ForkJoinPool defaultInserters() {
        return Shared.POOL;
    }

    @Override
    public ApproximateIndex create(int dimension, int searchBeam) {
        return new GraphIndex(dimension, searchBeam, inserters);
    }

    @Override
    public ApproximateIndex load(SavedIndex saved, float[][] states, int searchBeam) throws IOException {
        return GraphIndex.load(SavedGraph.read(ByteBuffer.wrap(saved.bytes())), states, searchBeam, inserters);
    }

    /** Made when first used. */
    private static final class Shared {
        static final ForkJoinPool POOL = pool();

        private static ForkJoinPool pool() {
            int cores = Runtime.getRuntime().availableProcessors();
            return new ForkJoinPool(cores, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false,
                    cores, 256 + cores, 1, null, 1, TimeUnit.DAYS);
        }
    }
}
