package dev.mnemos.poem.store;

import java.io.IOException;

/** A file POEM was asked to read is not one of its files, is of another version, or is damaged. */
public class FormatException extends IOException {

    public FormatException(String message) {
        super(message);
    }
}
