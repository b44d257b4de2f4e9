package dev.mnemos.nam.store;

import dev.mnemos.io.FormatException;
import java.nio.file.Path;

/** A file that is not what it should be (foreign, damaged, truncated, another kind or version); one-line message. */
public final class BadFileException extends FormatException {

    public BadFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
