package dev.mnemos.runtime.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mnemos.io.FilePosition;

/**
 * A JSON parse error as every mnemos message reports it: {@code FILE:LINE:COLUMN: what is wrong}
 * ({@link FilePosition}), with none of Jackson's internals.
 */
public final class JsonErrors {

    private JsonErrors() {}

    /** The error in a whole JSON file (or text) named {@code file}. */
    public static String message(Object file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? FilePosition.message(file, 0, FilePosition.clean(e.getOriginalMessage()))
                : FilePosition.message(file, at.getLineNr(), at.getColumnNr(), FilePosition.clean(e.getOriginalMessage()));
    }

    /** The error in line {@code line} of a JSON Lines file, parsed on its own. */
    public static String message(Object file, long line, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return FilePosition.message(file, line, at == null ? 0 : at.getColumnNr(), FilePosition.clean(e.getOriginalMessage()));
    }
}
