package dev.mnemos.runtime.model;

import dev.mnemos.io.Fault;

/** A model call that failed. The message is one line, written for the person running the program. */
public class ModelException extends Exception implements Fault {

    /** What went wrong: whether to try again, and which kind of {@link dev.mnemos.io.Fault} it is. */
    public enum Kind {
        /** Nothing listens at the base URL. */
        UNREACHABLE(false, Fault.Kind.UNREACHABLE),
        /** The server answered that the model does not exist (Ollama's 404). */
        MODEL_NOT_FOUND(false, Fault.Kind.MODEL_NOT_FOUND),
        /** HTTP 5xx, or 429. */
        SERVER_ERROR(true, Fault.Kind.MODEL_ERROR),
        /** The call did not finish in time. */
        TIMEOUT(true, Fault.Kind.MODEL_ERROR),
        /** The server rejected the request: 400, 401, 403, other 4xx. */
        REJECTED(false, Fault.Kind.MODEL_ERROR),
        /** The server answered, but with something that is not the protocol. */
        BAD_RESPONSE(false, Fault.Kind.MODEL_ERROR),
        /** A local file the backend reads is not what it should be: a model that is not GGUF or of an architecture the engine does not know, a grammar that does not parse. */
        BAD_FILE(false, Fault.Kind.BAD_INPUT),
        /** The in-process engine cannot start on this platform (its native library does not load). */
        ENGINE_UNAVAILABLE(false, Fault.Kind.ENGINE_UNAVAILABLE);

        private final boolean transientFault;
        private final Fault.Kind fault;

        Kind(boolean transientFault, Fault.Kind fault) {
            this.transientFault = transientFault;
            this.fault = fault;
        }

        /** Whether trying the same call again may succeed. */
        public boolean isTransient() {
            return transientFault;
        }
    }

    private final Kind kind;

    /** The message's credentials ({@code Basic ...}, {@code Bearer ...}, {@code sk-...}) are replaced by ***. */
    public ModelException(Kind kind, String message) {
        super(Secrets.scrub(message));
        this.kind = kind;
    }

    public ModelException(Kind kind, String message, Throwable cause) {
        super(Secrets.scrub(message), cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public Fault.Kind fault() {
        return kind.fault;
    }
}
