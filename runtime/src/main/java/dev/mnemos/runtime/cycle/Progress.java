package dev.mnemos.runtime.cycle;

/**
 * Counters of a run so far: where a resumed run starts from, and what a checkpoint stores.
 *
 * @param cycles         cycles completed
 * @param modelCalls     model calls made
 * @param cacheHits      cycles answered from the cache
 * @param tracePosition  bytes of the trace written when these counts were taken (-1: no trace)
 */
public record Progress(long cycles, long modelCalls, long cacheHits, long tracePosition) {

    public static final Progress START = new Progress(0, 0, 0, 0);
}
