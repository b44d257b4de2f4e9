package dev.mnemos.nam.task;

/**
 * One sequence of a task: an input vector per step, and the class expected at each step
 * ({@link #NONE} where nothing is asked, e.g. while the input is read).
 */
public record Example(double[][] inputs, int[] targets) {

    public static final int NONE = -1;

    public Example {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + targets.length + " targets");
        }
    }

    public int steps() {
        return inputs.length;
    }
}
