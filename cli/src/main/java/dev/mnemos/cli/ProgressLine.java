package dev.mnemos.cli;

import dev.mnemos.runtime.cycle.CycleEvent;
import dev.mnemos.runtime.cycle.CycleListener;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A progress line on the terminal, redrawn at most four times a second: cycles, cycles per
 * second, model calls, cache hits, and whatever a command adds.
 */
public class ProgressLine implements CycleListener {

    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long calls;
    private long hits;
    private long cycles;
    /** The step of this run's first cycle: a resumed run's rate counts only the cycles it made. */
    private long firstStep = -1;
    private boolean drawn;

    public ProgressLine(PrintWriter out) {
        this.out = out;
    }

    /** A progress line when standard error is a terminal, else null. */
    public static ProgressLine onTerminal(PrintWriter err) {
        return stderrIsTerminal() ? new ProgressLine(err) : null;
    }

    /**
     * Whether standard error is a terminal, where a line redrawn in place ({@code \r}) reads as
     * progress; in a file or a pipe it would leave every frame. The JVM's console says only that
     * standard input and output are a terminal ({@code cmd 2> log} has one), so on Linux the file
     * behind descriptor 2 is asked; elsewhere the console stands in. Every progress display asks this.
     */
    public static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    @Override
    public void onCycle(CycleEvent e) {
        if (firstStep < 0) firstStep = e.step();
        cycles = e.step() + 1;
        calls += e.attempts();
        if (e.cacheHit()) hits++;
        long now = System.nanoTime();
        if (now - lastDraw >= EVERY_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    /** Extra text at the end of the line (e.g. mismatches); none by default. */
    protected String extra() {
        return "";
    }

    private void draw(long now) {
        double seconds = (now - start) / 1e9;
        out.printf("\r%,d cycles  %,.0f/s  %,d model calls  %,d cache hits%s   ", cycles, seconds > 0 ? (cycles - Math.max(firstStep, 0)) / seconds : 0.0, calls, hits, extra());
        out.flush();
        drawn = true;
    }

    /** Ends the line, if one was drawn. */
    public void finish() {
        if (drawn) {
            draw(System.nanoTime());
            out.println();
        }
    }
}
