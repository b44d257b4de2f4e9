package dev.mnemos.utm.bitag;

/** A bi-tag program that is not valid; the message names the entry at fault. */
public class BiTagException extends IllegalArgumentException implements dev.mnemos.io.Fault {

    public BiTagException(String message) {
        super(message);
    }

    @Override
    public Kind fault() {
        return Kind.BAD_INPUT;
    }
}
