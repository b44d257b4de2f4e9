package dev.mnemos.nam.task;

import dev.mnemos.nam.grad.Rng;
import java.util.List;
import java.util.Locale;

/**
 * An algorithmic task that makes sequences of any size: the model reads the problem one token per
 * step, then answers one token per step. Trained on sizes up to N, tested on longer ones.
 */
public interface Task {

    /** A short name for the command line, e.g. "reverse". */
    String name();

    /** What it asks, in a few words. */
    String description();

    /** Length of an input vector (one-hot tokens). */
    int inputSize();

    /** Number of output classes. */
    int outputSize();

    /** A random problem of size {@code n} (e.g. n digits, n symbols). */
    Example generate(Rng rng, int n);

    /** The tasks of the experiment, by name. */
    static List<Task> all() {
        return List.of(new Reverse(), new Copy(), new Addition(), new Reduction(), new AssociativeRecall(),
                new MultiHopRecall());
    }

    static Task named(String name) {
        for (Task t : all()) {
            if (t.name().equals(name.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "' (expected reverse, copy, add, reduce, recall or hops)");
    }
}
