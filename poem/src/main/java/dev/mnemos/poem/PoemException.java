package dev.mnemos.poem;

/**
 * The one exception type of POEM's own failures on its public API, a {@link dev.mnemos.io.Fault} of
 * kind {@link Kind#BAD_INPUT}: data, settings or a memory file that cannot be used ({@link dev.mnemos.poem.data.DataException}), a memory in use by another
 * process ({@link dev.mnemos.poem.store.MemoryLock.MemoryInUseException}). The message names the
 * file, line or value at fault. Unchecked, so that it passes through LangChain4j's interfaces.
 *
 * <p>Other failures are not wrapped: the model's pass through as they are (LangChain4j's exceptions
 * from {@link dev.mnemos.poem.fewshot.FewShotChatModel}, the runtime's {@code ModelException} from an
 * {@code Asker}); reading and writing files throws {@link java.io.IOException}; a wrong argument
 * (a null, k &lt; 1) throws {@link IllegalArgumentException}.
 */
public class PoemException extends RuntimeException implements dev.mnemos.io.Fault {

    public PoemException(String message) {
        super(message);
    }

    public PoemException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind fault() {
        return Kind.BAD_INPUT;
    }
}
