package dev.mnemos.utm.sim;

/** Read access to a tape by cell number, as symbol indices (the blank outside what is stored). */
public interface Cells {

    /** The index of the symbol in a cell. */
    int at(long cell);
}
