package dev.mnemos.utm.verify;

import dev.mnemos.runtime.json.JsonErrors;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.utm.prompt.PromptSet;
import dev.mnemos.utm.sim.Tape;

import dev.mnemos.runtime.trace.TraceReplay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a trace written earlier (JSON Lines, one cycle per line, as the runtime's trace writer
 * writes it) against the reference machine, from the run's initial configuration: the same
 * lockstep comparison as {@link LockstepVerifier}, offline. After a mismatch the reference goes
 * on from its own configuration, as a run with {@code --continue-on-mismatch} does.
 */
public final class TraceVerifier {

    private static final ObjectMapper JSON = dev.mnemos.runtime.memory.OwnFiles.mapper();

    /**
     * @param cycles            lines checked (cycle records; blank lines are skipped)
     * @param mismatches        mismatches found
     * @param kept              the first {@link LockstepVerifier#KEPT} of them
     * @param referenceHalted   whether the trace reached the reference machine's halt
     * @param referenceSteps    reference steps taken
     */
    public record Report(long cycles, long mismatches, List<Mismatch> kept, boolean referenceHalted, long referenceSteps) {

        public Long firstMismatchStep() {
            return kept.isEmpty() ? null : kept.get(0).step();
        }

        public boolean clean() {
            return mismatches == 0;
        }
    }

    /** A trace line that is not a cycle record; the message names the file and line. */
    public static final class BadTraceException extends IOException {
        public BadTraceException(String message) {
            super(message);
        }
    }

    private TraceVerifier() {}

    /**
     * Checks every line of {@code trace}, starting the reference machine in {@code state} on
     * {@code tape} at {@code head}. A trace that is not one, whose lines do not count their steps
     * 0, 1, 2, ... or that holds no cycle at all is a {@link BadTraceException} naming the file and line.
     */
    public static Report verify(Path trace, PromptSet prompts, Tape tape, long head, String state) throws IOException {
        if (Files.isDirectory(trace)) throw new BadTraceException(trace + ": is a directory, not a trace");
        Lockstep lockstep = new Lockstep(prompts, tape, head, state);
        List<Mismatch> kept = new ArrayList<>();
        long count = 0;
        long lines = 0;
        long cycles = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(trace), 1 << 16)) {
            for (String line = readLine(in, trace, lines + 1); line != null; line = readLine(in, trace, lines + 1)) {
                lines++;
                if (line.isBlank()) continue;
                JsonNode node = parse(trace, lines, line);
                long step = step(trace, lines, node, cycles);
                if (count == 0) sameInput(trace, lines, step, node, lockstep);
                cycles++;
                Mismatch m = lockstep.check(step, node.path("promptHash").asText(""), node.path("raw").asText(""), changes(trace, lines, node));
                if (m != null) {
                    count++;
                    if (kept.size() < LockstepVerifier.KEPT) kept.add(m);
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadTraceException(trace + ": no such file");
        }
        if (cycles == 0) throw new BadTraceException(trace + ": empty trace: no cycle to verify");
        return new Report(cycles, count, List.copyOf(kept), lockstep.halted(), lockstep.steps());
    }

    /**
     * Until the first mismatch the run's memory is the reference's configuration, so the state, head
     * and symbol a line says the cycle started from (utm-run's trace fields) are the reference's,
     * unless the trace is of another input: that is bad input, not mismatches of the machine.
     */
    private static void sameInput(Path trace, long lineNo, long step, JsonNode node, Lockstep lockstep) throws BadTraceException {
        JsonNode head = node.get("head");
        JsonNode symbol = node.get("symbol");
        JsonNode state = node.get("state");
        if (lockstep.halted() || head == null || !head.isIntegralNumber() || symbol == null || !symbol.isTextual()) return;
        String runState = state != null && state.isTextual() ? state.asText() : lockstep.state();
        if (head.asLong() == lockstep.head() && symbol.asText().equals(lockstep.symbol()) && runState.equals(lockstep.state())) return;
        throw new BadTraceException(trace + ":" + lineNo + ": a trace of another input: at step " + step + " the run was in state "
                + runState + " at cell " + head.asLong() + " reading " + symbol.asText() + "; this input " + (step == 0 ? "starts" : "is then")
                + " in state " + lockstep.state() + " at cell " + lockstep.head() + " reading " + lockstep.symbol()
                + " (give the run's --bitag, --word, --tape or --head)");
    }

    /** The next line as UTF-8 text (without its newline), or null at the end. */
    private static String readLine(InputStream in, Path trace, long lineNo) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        int b = in.read();
        if (b < 0) return null;
        for (; b >= 0 && b != '\n'; b = in.read()) line.write(b);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BadTraceException(trace + ":" + lineNo + ": not UTF-8 text (a trace is written in UTF-8)");
        }
    }

    /** The line's step, which must be the next one: a lost, repeated or reordered line is not checked as if it were in place. */
    private static long step(Path trace, long lineNo, JsonNode node, long expected) throws BadTraceException {
        JsonNode step = node.get("step");
        if (step == null) return expected;
        if (!step.isIntegralNumber() || step.asLong() != expected) {
            throw new BadTraceException(trace + ":" + lineNo + ": step " + step + " where step " + expected
                    + " was expected (a line lost, repeated or out of order)");
        }
        return expected;
    }

    private static JsonNode parse(Path trace, long lineNo, String line) throws BadTraceException {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) throw new BadTraceException(trace + ":" + lineNo + ": not a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw new BadTraceException(JsonErrors.message(trace, lineNo, e));
        }
    }

    private static List<Change> changes(Path trace, long lineNo, JsonNode node) throws BadTraceException {
        JsonNode changes = node.get("changes");
        if (changes == null || !changes.isObject()) throw new BadTraceException(trace + ":" + lineNo + ": no \"changes\" object");
        List<Change> out = new ArrayList<>(4);
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            try {
                out.add(new Change(c.getKey(), null, TraceReplay.value(c.getValue(), c.getKey())));
            } catch (IllegalArgumentException e) {
                throw new BadTraceException(trace + ":" + lineNo + ": " + e.getMessage());
            }
        }
        return out;
    }
}
