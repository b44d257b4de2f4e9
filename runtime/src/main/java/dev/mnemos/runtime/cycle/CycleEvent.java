package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.model.Answer;

import java.util.List;

/**
 * What one completed cycle did. Sent to every {@link CycleListener} after the cycle's write, in
 * order; a listener that checks answers (a verifier) may {@link #reject} the answer, which keeps
 * it out of the prompt cache while the run goes on.
 */
public final class CycleEvent {

    private final long step;
    private final String state;
    private final String prompt;
    private final Answer answer;
    private final Instruction instruction;
    private final List<Change> changes;
    private final long latencyNanos;
    private final boolean cacheHit;
    private final int attempts;
    private String rejection;

    /**
     * @param step         0-based index of the cycle in the run (counting cycles before a resume)
     * @param state        the label whose instruction text {@code op} held, or null when none does
     * @param prompt       the prompt after the Read stage
     * @param answer       the model's raw answer
     * @param instruction  the instruction parsed from it
     * @param changes      what the write changed, in the order written (with the values before)
     * @param latencyNanos time of the Compute stage (near zero on a cache hit)
     * @param cacheHit     whether the answer came from the prompt cache
     * @param attempts     requests sent to the model for this cycle, retries included (0 on a cache hit)
     */
    public CycleEvent(long step, String state, String prompt, Answer answer, Instruction instruction, List<Change> changes,
                      long latencyNanos, boolean cacheHit, int attempts) {
        this.step = step;
        this.state = state;
        this.prompt = prompt;
        this.answer = answer;
        this.instruction = instruction;
        this.changes = changes;
        this.latencyNanos = latencyNanos;
        this.cacheHit = cacheHit;
        this.attempts = attempts;
    }

    public long step() { return step; }

    public String state() { return state; }

    public String prompt() { return prompt; }

    public Answer answer() { return answer; }

    public Instruction instruction() { return instruction; }

    public List<Change> changes() { return changes; }

    public long latencyNanos() { return latencyNanos; }

    public boolean cacheHit() { return cacheHit; }

    public int attempts() { return attempts; }

    /** Says the answer is wrong (a verifier's mismatch): the cycle stays done, the answer is not kept. */
    public void reject(String reason) {
        if (rejection == null) rejection = reason;
    }

    /** The first reason given to {@link #reject}, or null when no listener rejected the answer. */
    public String rejection() { return rejection; }
}
