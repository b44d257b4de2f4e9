package dev.mnemos.utm.run;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mnemos.runtime.cycle.CycleEvent;
import dev.mnemos.runtime.memory.Change;
import dev.mnemos.runtime.memory.Memory;
import dev.mnemos.runtime.trace.TraceFields;
import dev.mnemos.utm.image.MemoryImage;

import java.io.IOException;

/**
 * utm's own trace fields: {@code head} (the head {@code i} before the cycle, null when it is not
 * an integer) and {@code symbol} (the cell under it before the cycle), read back from the memory
 * after the write and the values the cycle's changes replaced.
 */
public final class HeadFields implements TraceFields {

    private final Memory memory;

    /** @param memory the memory the machine runs on */
    public HeadFields(Memory memory) {
        this.memory = memory;
    }

    @Override
    public void write(CycleEvent event, JsonGenerator line) throws IOException {
        Object head = before(event, MemoryImage.HEAD);
        if (!(head instanceof Long h)) {
            line.writeNullField("head");
            line.writeNullField("symbol");
            return;
        }
        line.writeNumberField("head", h);
        Object symbol = before(event, MemoryImage.cellLabel(h));
        line.writeStringField("symbol", symbol == null ? memory.blank() : symbol.toString());
    }

    /** The label's value before the cycle: what its change replaced, or what memory holds when it did not change. */
    private Object before(CycleEvent event, String label) {
        for (Change c : event.changes()) {
            if (c.label().equals(label)) return c.before();
        }
        return memory.get(label);
    }
}
