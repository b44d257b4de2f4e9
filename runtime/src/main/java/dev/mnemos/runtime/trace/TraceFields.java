package dev.mnemos.runtime.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mnemos.runtime.cycle.CycleEvent;

import java.io.IOException;

/**
 * Fields a program adds to each trace line, written right after {@code state} (utm adds the
 * head and the symbol under it). Memory holds the state after the cycle's write when it is called;
 * the event's changes hold the values before.
 */
@FunctionalInterface
public interface TraceFields {

    void write(CycleEvent event, JsonGenerator line) throws IOException;
}
