package dev.mnemos.cli.poem;

import dev.mnemos.poem.train.TrainingListener;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Training progress on standard error: queries done, model calls, calls per second, time left. On a
 * terminal, a bar redrawn in place ({@code \r}) at most five times a second; elsewhere (a log file, a
 * pipe) one plain line each time another 10% of the queries is done, and at the end.
 */
final class ProgressBar implements TrainingListener {

    private static final int WIDTH = 30;
    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final int alreadyDone;
    private long lastDraw;
    private int lastTenth = -1;
    private boolean drawn;

    ProgressBar(PrintWriter out, int alreadyDone, boolean terminal) {
        this.out = out;
        this.alreadyDone = alreadyDone;
        this.terminal = terminal;
    }

    /** Whether standard error is a terminal (where a redrawn bar makes sense). */
    static boolean onTerminal() {
        return dev.mnemos.cli.ProgressLine.stderrIsTerminal();
    }

    @Override
    public synchronized void onQueryFinished(int done, int total, long modelCalls) {
        long now = System.nanoTime();
        if (terminal) {
            if (done < total && now - lastDraw < EVERY_NANOS) return;
        } else {
            int tenth = total == 0 ? 10 : (int) (10L * done / total);
            if (tenth == lastTenth && done < total) return;
            lastTenth = tenth;
        }
        lastDraw = now;
        double seconds = (now - start) / 1e9;
        int thisRun = done - alreadyDone;
        long left = thisRun > 0 ? Math.round(seconds / thisRun * (total - done)) : 0;
        String figures = String.format(Locale.ROOT, "%d/%d queries  %,d calls  %.1f calls/s  %d:%02d left",
                done, total, modelCalls, seconds > 0 ? modelCalls / seconds : 0.0, left / 60, left % 60);
        if (terminal) {
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + figures + " ");
            drawn = true;
        } else {
            out.println(figures);
        }
        out.flush();
    }

    synchronized void finish() {
        if (drawn) out.println();
        out.flush();
        drawn = false;
    }
}
