package dev.mnemos.nam.store;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not what it should be (foreign, damaged, truncated, another kind or version); one-line message. */
public final class BadFileException extends IOException {

    public BadFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
