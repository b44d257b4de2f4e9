package dev.mnemos.runtime.cycle;

/**
 * A cycle that could not complete; memory is as it was before the cycle. Each subclass is a kind of
 * {@link dev.mnemos.io.Fault}: an answer that does not parse, a Read that does not settle, a write
 * that cannot apply.
 */
public abstract class CycleException extends Exception implements dev.mnemos.io.Fault {

    public CycleException(String message) {
        super(message);
    }

    public CycleException(String message, Throwable cause) {
        super(message, cause);
    }
}
