package dev.mnemos.utm.lag.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.runtime.cycle.Machine;
import dev.mnemos.runtime.cycle.ParseException;
import dev.mnemos.runtime.cycle.ParseMode;
import dev.mnemos.runtime.cycle.Progress;
import dev.mnemos.runtime.cycle.RunResult;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.utm.lag.LagInterpreter;
import dev.mnemos.utm.lag.LagSystem;

/**
 * Runs a Lag system on the string-memory runtime with a model as its rule table, verified in
 * lockstep against the reference interpreter (unless told not to). The caller sets up the
 * {@link Machine.Builder} (cache, trace, checkpoints, limits); this sets the processor, strict
 * parsing and the verifier, and sums the run up.
 *
 * <pre>{@code
 * Memory memory = LagImage.of(Dictionary.of(system, 0L), queue);
 * Summary s = new LagRun(system, memory, model, true).run(Machine.builder(), Progress.START);
 * }</pre>
 */
public final class LagRun {

    private final LagSystem system;
    private final Memory memory;
    private final LookupProcessor lookup;
    private final LagVerifier verifier;
    private long haltsFromCache;

    public LagRun(LagSystem system, Memory memory, Processor model, boolean verify) {
        this.system = system;
        this.memory = memory;
        this.lookup = new LookupProcessor(model, system);
        this.verifier = verify ? new LagVerifier(system, memory, lookup) : null;
    }

    public LookupProcessor processor() { return lookup; }

    public Summary run(Machine.Builder builder, Progress start) {
        return summarise(configure(builder).build().run(memory, start));
    }

    /**
     * Sets the processor, strict parsing and the verifier on {@code builder}, and a listener that
     * notes a halt answered from the prompt cache: the halt needs no model, so it is neither a model
     * call nor a cache hit in the summary.
     */
    public Machine.Builder configure(Machine.Builder builder) {
        builder.processor(lookup).parseMode(ParseMode.STRICT);
        if (verifier != null) builder.listener(verifier);
        builder.listener(e -> {
            if (e.cacheHit() && e.changes().size() == 1 && "halt".equals(e.changes().get(0).after())) haltsFromCache++;
        });
        return builder;
    }

    /** Sums up a run that ended with {@code r} on this memory. */
    public Summary summarise(RunResult r) {
        int[] queue = queue();
        String reason = null;
        if (r.halted() && queue != null) reason = new LagInterpreter(system, queue).halt() == LagInterpreter.Halt.TOO_SHORT ? "fewer than two symbols" : "no rule";
        String error = verifier != null && verifier.mismatch() != null ? verifier.mismatch()
                : r.failure() instanceof ParseException && lookup.notAValue() != null ? "step " + r.cycles() + ", " + lookup.notAValue()
                : r.failure() != null ? r.failure().getMessage() : r.stopReason();
        long steps = r.halted() ? r.cycles() - 1 : r.cycles();
        long modelCalls = r.modelCalls() - lookup.halts();
        return new Summary(r.status().name().toLowerCase(), r.halted(), reason, steps, r.cycles(), modelCalls, r.cacheHits() - haltsFromCache,
                verifier != null, verifier != null && verifier.mismatch() != null ? 1 : 0, verifier == null ? null : verifier.mismatchStep(),
                queue == null ? 0 : queue.length, queue == null ? null : system.join(queue), r.elapsed().toNanos() / 1e9, error);
    }

    /** The queue memory holds, or null when a wrong cycle's write left none to read (the verifier stopped it). */
    private int[] queue() {
        try {
            return LagImage.queue(memory, system);
        } catch (dev.mnemos.utm.lag.LagException | IllegalStateException | IllegalArgumentException e) {
            return null;
        }
    }

    public Memory memory() { return memory; }

    /**
     * A run's outcome; {@code steps} are Lag steps (cycles without the halt cycle), {@code modelCalls}
     * the calls that reached the model (the halt needs none), {@code checked} whether every cycle was
     * checked against the interpreter, {@code queue} the final queue as text (null, and
     * {@code queueLength} 0, when a wrong cycle's write left memory without a queue to read).
     */
    public record Summary(String status, boolean halted, String haltReason, long steps, long cycles, long modelCalls,
                          long cacheHits, boolean checked, long mismatches, Long firstMismatchStep, int queueLength,
                          String queue, double seconds, String error) {

        /** Whether the run halted with every cycle checked against the interpreter and matched. */
        public boolean verified() {
            return checked && halted && mismatches == 0;
        }

        /** {@link RunResult#ran()} of the run summed up: whether any word, tape or queue is a result of it. */
        public boolean ran() {
            return halted || cycles > 0;
        }

        public ObjectNode toJson() {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("status", status);
            o.put("halted", halted);
            o.put("haltReason", haltReason);
            o.put("steps", steps);
            o.put("cycles", cycles);
            o.put("modelCalls", modelCalls);
            o.put("cacheHits", cacheHits);
            o.put("verified", verified());
            o.put("checked", checked);
            o.put("mismatches", mismatches);
            if (firstMismatchStep == null) o.putNull("firstMismatchStep"); else o.put("firstMismatchStep", firstMismatchStep);
            if (ran()) {
                o.put("queueLength", queueLength);
                o.put("queue", queue);
            } else { // no cycle ran: the queue is the start's, no result of the run
                o.putNull("queueLength");
                o.putNull("queue");
            }
            o.put("seconds", seconds);
            o.put("error", error);
            return o;
        }
    }
}
