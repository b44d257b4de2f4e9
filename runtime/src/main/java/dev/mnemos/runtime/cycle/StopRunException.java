package dev.mnemos.runtime.cycle;

/** Thrown by a {@link CycleListener} to end the run after the current cycle. */
public class StopRunException extends Exception {

    public StopRunException(String reason) {
        super(reason);
    }
}
