package dev.mnemos.runtime.cycle;

/** A write that would make a value longer than the write bound ({@link Writer#Writer(int)}). */
public class WriteLimitException extends WriteException {

    public WriteLimitException(String message) {
        super(message);
    }
}
