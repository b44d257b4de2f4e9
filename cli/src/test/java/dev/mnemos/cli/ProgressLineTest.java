package dev.mnemos.cli;

import dev.mnemos.runtime.cycle.CycleEvent;
import dev.mnemos.runtime.cycle.Instruction;
import dev.mnemos.runtime.model.Answer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressLineTest {

    @Test
    void aResumedRunsRateCountsOnlyTheCyclesThisRunMade() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new java.io.PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8), true));
        Thread.sleep(50);
        for (long step = 1_000_000; step < 1_000_003; step++) line.onCycle(cycle(step));
        line.finish();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        String last = shown.substring(shown.lastIndexOf('\r') + 1); // the drawing finish() made
        Matcher m = Pattern.compile("([\\d,]+) cycles  ([\\d,]+)/s").matcher(last);
        assertTrue(m.find(), shown);
        assertEquals("1,000,003", m.group(1), "the cycles shown count those before the resume");
        long rate = Long.parseLong(m.group(2).replace(",", ""));
        assertTrue(rate <= 60, "3 cycles in at least 50 ms, not a million: " + shown);
    }

    private static CycleEvent cycle(long step) {
        Instruction instruction = new Instruction(List.of(new Instruction.Update("n", -1)), "n-=1", "");
        return new CycleEvent(step, "A", "prompt", Answer.of("n-=1"), instruction, List.of(), 0, false, 1);
    }
}
