package dev.mnemos.io;

import java.io.IOException;

/**
 * A file we were asked to read is not one of ours, is of another version, or is damaged: the one
 * type of every bad input file (memory, checkpoint, cache, trace, model, POEM memory), a
 * {@link Fault} of kind {@link Fault.Kind#BAD_INPUT}. The message names the file, and the line
 * and column where known.
 */
public class FormatException extends IOException implements Fault {

    public FormatException(String message) {
        super(message);
    }

    @Override
    public Kind fault() {
        return Kind.BAD_INPUT;
    }
}
