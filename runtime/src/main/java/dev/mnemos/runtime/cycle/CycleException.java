package dev.mnemos.runtime.cycle;

/** A cycle that could not complete; memory is as it was before the cycle. */
public class CycleException extends Exception {

    public CycleException(String message) {
        super(message);
    }

    public CycleException(String message, Throwable cause) {
        super(message, cause);
    }
}
