package dev.mnemos.runtime.model;

import java.time.Duration;

/**
 * Tries a call again when it fails in a way that may pass ({@link ModelException.Kind#isTransient()}:
 * 5xx, 429, timeouts), waiting {@code baseDelay}, then twice that, and so on (at most
 * {@link #MAX_DELAY}). When every try failed, the last failure is reported with the number of tries.
 */
public final class RetryingProcessor implements Processor {

    /** The first wait of the backends' retries. */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(500);
    /** No single wait is longer. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final Processor delegate;
    private final int retries;
    private final Duration baseDelay;

    public RetryingProcessor(Processor delegate, int retries, Duration baseDelay) {
        if (retries < 0) throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        if (baseDelay == null || baseDelay.isNegative()) {
            throw new IllegalArgumentException("retry delay must be 0 or more, got " + baseDelay);
        }
        this.delegate = delegate;
        this.retries = retries;
        this.baseDelay = baseDelay;
    }

    /** {@code processor} retried {@code retries} times with {@link #DEFAULT_BASE_DELAY}. */
    public static Processor around(Processor processor, int retries) {
        return new RetryingProcessor(processor, retries, DEFAULT_BASE_DELAY);
    }

    @Override
    public Answer process(String prompt) throws ModelException {
        try {
            return process(prompt, CallBudget.unlimited());
        } catch (CallLimitException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Each try takes one request from {@code budget}; a budget spent ends the retries with the last failure. */
    @Override
    public Answer process(String prompt, CallBudget budget) throws ModelException, CallLimitException {
        ModelException last = null;
        for (int attempt = 0; ; attempt++) {
            try {
                return delegate.process(prompt, budget);
            } catch (CallLimitException spent) {
                if (last == null) throw spent;
                throw gaveUp(last, attempt, "; the call limit allowed no more");
            } catch (ModelException e) {
                if (!e.kind().isTransient() || Thread.currentThread().isInterrupted()) throw e;
                if (attempt == retries) throw gaveUp(e, attempt + 1, "");
                if (!sleep(delay(attempt))) throw e;
                last = e;
            }
        }
    }

    @Override
    public void accepted(String prompt, Answer answer) {
        delegate.accepted(prompt, answer);
    }

    @Override
    public void rejected(String prompt, Answer answer) {
        delegate.rejected(prompt, answer);
    }

    /** The wait before retry number {@code attempt + 1}. */
    Duration delay(int attempt) {
        Duration d = baseDelay;
        for (int i = 0; i < attempt && d.compareTo(MAX_DELAY) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(MAX_DELAY) < 0 ? d : MAX_DELAY;
    }

    @Override
    public String fingerprint() {
        return delegate.fingerprint();
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + delegate + " failed", e);
        }
    }

    @Override
    public String toString() {
        return "Retrying[" + retries + " x " + delegate + "]";
    }

    private static ModelException gaveUp(ModelException last, int tries, String why) {
        if (tries == 1 && why.isEmpty()) return last;
        return new ModelException(last.kind(), last.getMessage() + " (gave up after " + tries + (tries == 1 ? " try" : " tries") + why + ")", last);
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
