package dev.mnemos.poem.data;

/** The data given to POEM cannot be used; the message names the file, line or value at fault. */
public class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }
}
