package dev.mnemos.runtime.model;

/** A model call that failed. The message is one line, written for the person running the program. */
public class ModelException extends Exception {

    /** What went wrong; the CLI maps each kind to its own exit code. */
    public enum Kind {
        /** Nothing listens at the base URL. */
        UNREACHABLE(false),
        /** The server answered that the model does not exist (Ollama's 404). */
        MODEL_NOT_FOUND(false),
        /** HTTP 5xx, or 429. */
        SERVER_ERROR(true),
        /** The call did not finish in time. */
        TIMEOUT(true),
        /** The server rejected the request: 400, 401, 403, other 4xx. */
        REJECTED(false),
        /** The server answered, but with something that is not the protocol. */
        BAD_RESPONSE(false),
        /** A local file the backend reads is not what it should be: a model that is not GGUF or of an architecture the engine does not know, a grammar that does not parse. */
        BAD_FILE(false),
        /** The in-process engine cannot start on this platform (its native library does not load). */
        ENGINE_UNAVAILABLE(false);

        private final boolean transientFault;

        Kind(boolean transientFault) {
            this.transientFault = transientFault;
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
}
