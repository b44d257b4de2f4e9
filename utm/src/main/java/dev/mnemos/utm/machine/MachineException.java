package dev.mnemos.utm.machine;

/** A machine table or machine file that is not valid; the message names the entry at fault. */
public class MachineException extends IllegalArgumentException implements dev.mnemos.io.Fault {

    public MachineException(String message) {
        super(message);
    }

    public MachineException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind fault() {
        return Kind.BAD_INPUT;
    }
}
