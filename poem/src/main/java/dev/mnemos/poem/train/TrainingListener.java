package dev.mnemos.poem.train;

/** Hears about training as it goes, e.g. to draw a progress bar. Called from worker threads. */
public interface TrainingListener {

    /** A query finished: {@code done} of {@code total} are finished now (counting earlier runs). */
    void onQueryFinished(int done, int total, long modelCalls);

    TrainingListener NONE = (done, total, calls) -> {};
}
