package dev.mnemos.cli;

import dev.mnemos.runtime.cycle.CycleEvent;
import dev.mnemos.runtime.cycle.Instruction;
import dev.mnemos.runtime.model.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * {@code cmd 2> log} on a terminal: standard input and output are the terminal (so the JVM has a
     * console), standard error a file. The file gets plain lines, never {@code \r} frames (nam train,
     * poem eval and train, utm-bench, lag-check and the runs ask one function). {@code script} gives
     * the process a terminal.
     */
    @Test
    void progressToAFileIsPlainLinesEvenWhenStandardOutputIsATerminal(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", java, "-cp", System.getProperty("java.class.path"), dev.mnemos.cli.nam.NamCommand.class.getName(),
                "train --task copy --model lsam --n 2 --steps 20 --batch 2", "--checkpoint", dir.resolve("c.ckpt").toString(),
                "--out", dir.resolve("c.model").toString(), "2>" + err);
        Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(dir.resolve("terminal.txt").toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nam train ended");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("terminal.txt")));
        String log = Files.readString(err);
        assertTrue(log.contains("step 20/20"), log);
        assertFalse(log.contains("\r"), "no frames in a file: " + log.replace("\r", "\\r"));
        assertTrue(Files.readString(dir.resolve("terminal.txt")).contains("copy, lsam: 20 steps"), "the output went to the terminal");
    }

    private static CycleEvent cycle(long step) {
        Instruction instruction = new Instruction(List.of(new Instruction.Update("n", -1)), "n-=1", "");
        return new CycleEvent(step, "A", "prompt", Answer.of("n-=1"), instruction, List.of(), 0, false, 1);
    }
}
