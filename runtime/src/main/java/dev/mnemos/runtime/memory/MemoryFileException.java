package dev.mnemos.runtime.memory;

import java.io.IOException;

/** A memory (program) file that cannot be read: the message names the file, and line and column where known. */
public class MemoryFileException extends IOException {

    public MemoryFileException(String message) {
        super(message);
    }
}
