package dev.mnemos.poem.data;

/** The data given to POEM cannot be used; the message names the file, line or value at fault. */
public class DataException extends dev.mnemos.poem.PoemException {

    public DataException(String message) {
        super(message);
    }
}
