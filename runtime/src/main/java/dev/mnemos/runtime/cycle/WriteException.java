package dev.mnemos.runtime.cycle;

/** An instruction that parsed but cannot be applied: a bad label, an update of a non-integer. */
public class WriteException extends CycleException {

    public WriteException(String message) {
        super(message);
    }

    /** The write cannot apply: {@link Kind#BAD_WRITE}. */
    @Override
    public Kind fault() {
        return Kind.BAD_WRITE;
    }
}
