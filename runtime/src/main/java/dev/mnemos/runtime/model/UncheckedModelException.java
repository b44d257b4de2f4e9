package dev.mnemos.runtime.model;

/**
 * A {@link ModelException} raised where no checked exception may be: while a backend builds its
 * processor or chat model (a local model file that is missing or not GGUF, an engine that cannot
 * load). Its message is the cause's; {@link #getCause()} gives the kind.
 */
public final class UncheckedModelException extends RuntimeException {

    public UncheckedModelException(ModelException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    @Override
    public synchronized ModelException getCause() {
        return (ModelException) super.getCause();
    }
}
