package dev.mnemos.poem.memory;

/**
 * An approximate index as a file keeps it, in the index's own format (the memory file's store saves
 * it beside the memory, {@code m.poem.index}, and hands it back to the index that reads it).
 */
public record SavedIndex(byte[] bytes) {

    @Override
    public String toString() {
        return "SavedIndex[" + bytes.length + " bytes]";
    }
}
