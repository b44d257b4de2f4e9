package dev.mnemos.runtime.cycle;

import java.time.Duration;

/**
 * How a run ended. Memory holds the state after the last completed cycle, whatever the status.
 *
 * @param status      why the run ended
 * @param cycles      cycles completed over the whole run (including those before a resume)
 * @param modelCalls  calls made to the processor in this run and those it resumed
 * @param cacheHits   cycles answered by the prompt cache
 * @param elapsed     wall time of this run
 * @param failure     the error that ended a FAILED run, else null
 * @param stopReason  the reason a listener gave for STOPPED, else null
 */
public record RunResult(Status status, long cycles, long modelCalls, long cacheHits, Duration elapsed,
                        Exception failure, String stopReason) {

    public enum Status {
        /** {@code op} holds {@code halt}. */
        HALTED,
        STEP_LIMIT,
        TIME_LIMIT,
        CALL_LIMIT,
        /** A listener ended the run. */
        STOPPED,
        /** {@link Machine#requestStop()} was called (Ctrl-C). */
        INTERRUPTED,
        /** A cycle failed after its retries; see {@link #failure()}. */
        FAILED
    }

    public boolean halted() {
        return status == Status.HALTED;
    }

    /** Whether a cycle ran or the run halted: else nothing was computed, and no word or tape is a result of the run. */
    public boolean ran() {
        return halted() || cycles > 0;
    }
}
