package dev.mnemos.runtime.model;

/** The call budget allows no more requests; nothing was sent. */
public final class CallLimitException extends Exception implements dev.mnemos.io.Fault {

    public CallLimitException(long limit) {
        super("the call limit of " + limit + " model calls is reached");
    }

    @Override
    public Kind fault() {
        return Kind.LIMIT;
    }
}
