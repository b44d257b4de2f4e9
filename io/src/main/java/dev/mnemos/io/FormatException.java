package dev.mnemos.io;

import java.io.IOException;

/** A file we were asked to read is not one of ours, is of another version, or is damaged. */
public class FormatException extends IOException {

    public FormatException(String message) {
        super(message);
    }
}
