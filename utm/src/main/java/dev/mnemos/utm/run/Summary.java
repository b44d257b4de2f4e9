package dev.mnemos.utm.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mnemos.runtime.cycle.RunResult;

import java.util.List;

/**
 * How a Turing machine run in string memory ended: what {@code utm-run} prints, and, as one JSON
 * object ({@link #toJson()}), the summary other tools read. The spec fixes these fields:
 * {@code halted}, {@code steps} (machine steps, without the halt cycle), {@code cycles},
 * {@code modelCalls}, {@code cacheHits}, {@code mismatches}, {@code firstMismatchStep},
 * {@code head}, {@code finalWord}.
 *
 * @param status            the runtime's end status, lower case (halted, step_limit, stopped, ...)
 * @param checked           whether the run was checked against the reference machine (every cycle, from the
 *                          start: a resumed run carries the check of the cycles before its checkpoint)
 * @param state             the state op holds at the end ({@code halt} when halted), or null
 * @param finalTape         the tape at the end without blank margins, or null when its cells are too
 *                          far apart to lay out (a stray write far from the tape) or no cycle ran
 * @param finalTapeStart    the cell of its first symbol (in JSON null with no tape)
 * @param finalWord         the decoded bi-tag word when the run came from one, else null; null too
 *                          when no cycle ran (a run that failed before its first computed no word)
 * @param words             the bi-tag words decoded along the run (empty without a bi-tag program or
 *                          when no cycle ran; absent from the JSON then)
 * @param error             the failure or stop reason, or null
 */
public record Summary(String status, boolean halted, long steps, long cycles, long modelCalls, long cacheHits,
                      boolean checked, long mismatches, Long firstMismatchStep, Long head, String state,
                      String finalTape, long finalTapeStart, String finalWord, List<String> words, double seconds,
                      String error) {

    /** Machine steps from runtime cycles: a halted run's last cycle is the halt. */
    public static long steps(RunResult r) {
        return r.halted() ? Math.max(0, r.cycles() - 1) : r.cycles();
    }

    /** Whether the run halted and, where it was checked, matched the reference on every cycle. */
    public boolean clean() {
        return halted && mismatches == 0;
    }

    /**
     * Whether the run is verified: it halted, every cycle was checked against the reference machine,
     * and every one matched. A run that failed, stopped, reached a limit, had a mismatch (even one it
     * went on after) or was not checked is not.
     */
    public boolean verified() {
        return checked && clean();
    }

    public String toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode(); // (no ObjectMapper: its set-up costs a start 10 ms)
        o.put("status", status);
        o.put("halted", halted);
        o.put("steps", steps);
        o.put("cycles", cycles);
        o.put("modelCalls", modelCalls);
        o.put("cacheHits", cacheHits);
        o.put("verified", verified());
        o.put("checked", checked);
        o.put("mismatches", mismatches);
        if (firstMismatchStep == null) o.putNull("firstMismatchStep"); else o.put("firstMismatchStep", firstMismatchStep);
        if (head == null) o.putNull("head"); else o.put("head", head);
        if (state == null) o.putNull("state"); else o.put("state", state);
        if (finalWord == null) o.putNull("finalWord"); else o.put("finalWord", finalWord);
        if (!words.isEmpty()) {
            ArrayNode w = o.putArray("words");
            words.forEach(w::add);
        }
        o.put("finalTape", finalTape);
        if (finalTape == null) o.putNull("finalTapeStart"); else o.put("finalTapeStart", finalTapeStart);
        o.put("seconds", seconds);
        if (error == null) o.putNull("error"); else o.put("error", error);
        return o.toString();
    }
}
