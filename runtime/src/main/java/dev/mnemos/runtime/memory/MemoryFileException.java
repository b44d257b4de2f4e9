package dev.mnemos.runtime.memory;

import dev.mnemos.io.FormatException;

/** A memory (program) file that cannot be read: the message names the file, and line and column where known. */
public class MemoryFileException extends FormatException {

    public MemoryFileException(String message) {
        super(message);
    }
}
