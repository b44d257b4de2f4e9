package dev.mnemos.runtime.cycle;

/**
 * Receives one event per completed cycle, on the machine's thread, in order. A listener that
 * wants the run to end throws {@link StopRunException}; the cycle it saw stays done.
 */
@FunctionalInterface
public interface CycleListener {

    void onCycle(CycleEvent event) throws StopRunException;
}
