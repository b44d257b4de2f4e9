package dev.mnemos.runtime.cycle;

import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.model.Answer;

import java.util.List;

/**
 * What one completed cycle did. Sent to every {@link CycleListener} after the cycle's write.
 *
 * @param step         0-based index of the cycle in the run (counting cycles before a resume)
 * @param state        the label whose instruction text {@code op} held, or null when none does
 * @param head         the head {@code i} before the cycle, or null when it is not an integer
 * @param symbol       the cell at the head before the cycle, or null without a head
 * @param prompt       the prompt after the Read stage
 * @param answer       the model's raw answer
 * @param instruction  the instruction parsed from it
 * @param changes      what the write changed, in the order written
 * @param latencyNanos time of the Compute stage (near zero on a cache hit)
 * @param cacheHit     whether the answer came from the prompt cache
 * @param attempts     model calls made for this cycle (0 on a cache hit)
 */
public record CycleEvent(long step, String state, Long head, String symbol, String prompt, Answer answer,
                         Instruction instruction, List<Change> changes, long latencyNanos, boolean cacheHit,
                         int attempts) {}
