package dev.mnemos.cli.poem;

import dev.mnemos.poem.train.TrainingListener;

import java.io.PrintWriter;
import java.util.Locale;

/** A progress bar on standard error: queries done, model calls, calls per second, time left. */
final class ProgressBar implements TrainingListener {

    private static final int WIDTH = 30;
    private static final long EVERY_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final long start = System.nanoTime();
    private final int alreadyDone;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter out, int alreadyDone) {
        this.out = out;
        this.alreadyDone = alreadyDone;
    }

    @Override
    public synchronized void onQueryFinished(int done, int total, long modelCalls) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < EVERY_NANOS) return;
        lastDraw = now;
        double seconds = (now - start) / 1e9;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        int thisRun = done - alreadyDone;
        long left = thisRun > 0 ? Math.round(seconds / thisRun * (total - done)) : 0;
        out.printf(Locale.ROOT, "\r[%s%s] %d/%d queries  %,d calls  %.1f calls/s  %d:%02d left ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, modelCalls,
                seconds > 0 ? modelCalls / seconds : 0.0, left / 60, left % 60);
        out.flush();
        drawn = true;
    }

    synchronized void finish() {
        if (drawn) out.println();
        drawn = false;
    }
}
