package dev.mnemos.runtime.model;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds a blocking call that has no whole-call timeout of its own (LangChain4j's non-streamed
 * chat models bound the wait for the response headers only, so a body that trickles forever
 * blocks them forever): the call runs on a worker thread, and when the timeout passes the worker
 * is interrupted (which aborts the JDK HTTP client's exchange) and the caller gets a
 * {@code TIMEOUT}.
 */
final class Deadline {

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mnemos-model-call");
        t.setDaemon(true);
        return t;
    });

    private Deadline() {}

    /** Runs {@code call} within {@code config.timeout()}; its runtime failures translate with {@link ModelErrors}. */
    static <T> T call(ProcessorConfig config, Callable<T> call) throws ModelException {
        Future<T> pending = WORKERS.submit(call);
        try {
            return pending.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw ModelErrors.timeout(config, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModelException m) throw m;
            throw ModelErrors.translate(e.getCause(), config);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.TIMEOUT, "the call to " + ModelErrors.where(config) + " was interrupted", e);
        }
    }
}
