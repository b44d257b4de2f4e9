package dev.mnemos.runtime.memory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON reader for the files the runtime writes itself (memory files, checkpoints, traces,
 * the prompt cache). Jackson refuses strings longer than 20 MB by default, but a memory value
 * may be longer (a program file, or writes up to a configured bound): these files must always
 * read back, so here strings may be as long as Java allows.
 */
public final class OwnFiles {

    private OwnFiles() {}

    /** A new mapper with no string-length limit. */
    public static ObjectMapper mapper() {
        StreamReadConstraints unbounded = StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build();
        return new ObjectMapper(JsonFactory.builder().streamReadConstraints(unbounded).build());
    }
}
