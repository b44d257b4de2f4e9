package dev.mnemos.io;

/**
 * A failure that says which kind it is, so that a caller acts on the kind without knowing the type.
 * Every exception mnemos's libraries throw for something a user can mend implements it, whatever
 * its base class: a checked {@link java.io.IOException} for a file that cannot be used, a checked
 * exception for a model call or a cycle, an unchecked one where an interface (LangChain4j's) allows
 * no other. The libraries say the kind and nothing more; a program decides what each kind means to
 * it (the commands map each kind to its exit code, in one table).
 */
public interface Fault {

    /** What went wrong, as a user would mend it. */
    enum Kind {
        /** An input is missing, malformed or not what it should be: a file, a line of data, a value. */
        BAD_INPUT,
        /** No model server answers at the base URL. */
        UNREACHABLE,
        /** The server, or the local model directory, does not have the model. */
        MODEL_NOT_FOUND,
        /** The model call failed: a server error or timeout after retries, a rejected request, an off-protocol answer. */
        MODEL_ERROR,
        /** The model's answer is not an instruction. */
        UNPARSEABLE,
        /** The Read stage did not settle (a runaway {@code @[label]} reference). */
        RUNAWAY,
        /** A write named a label outside the alphabet, updated a non-integer, or passed the write bound. */
        BAD_WRITE,
        /** A step, time, call or budget limit ended the work before it was done. */
        LIMIT,
        /** A file or a database could not be written, or is held by another run. */
        IO_ERROR,
        /** The local backend's engine (a native library) cannot load on this platform. */
        ENGINE_UNAVAILABLE,
        /** No database server answers at the memory's URL, or it stopped answering. */
        DATABASE_UNREACHABLE,
        /** The database server refused the user name or password. */
        DATABASE_REFUSED,
        /** The database's schema is newer than this build knows. */
        DATABASE_SCHEMA
    }

    /** Which kind of failure this is. */
    Kind fault();
}
