package dev.mnemos.utm.lag;

/** A Lag system, rule file or queue that is not valid; the message names the file, line or entry at fault. */
public class LagException extends RuntimeException implements dev.mnemos.io.Fault {

    public LagException(String message) {
        super(message);
    }

    @Override
    public Kind fault() {
        return Kind.BAD_INPUT;
    }
}
