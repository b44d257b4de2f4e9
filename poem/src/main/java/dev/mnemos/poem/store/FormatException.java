package dev.mnemos.poem.store;

/** A file POEM was asked to read is not one of its files, is of another version, or is damaged. */
public class FormatException extends dev.mnemos.io.FormatException {

    public FormatException(String message) {
        super(message);
    }
}
