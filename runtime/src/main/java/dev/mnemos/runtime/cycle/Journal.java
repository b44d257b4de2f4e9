package dev.mnemos.runtime.cycle;

/**
 * A listener that records every cycle in a file (the trace): it hears each cycle first, and its
 * position goes into checkpoints, so a resumed run knows where the record goes on.
 */
public interface Journal extends CycleListener {

    /** Bytes written so far, all of them whole records. */
    long position();
}
