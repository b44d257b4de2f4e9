package dev.mnemos.http;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The worker threads that run blocking calls which have no whole-call timeout of their own
 * ({@link BoundedHttpClient}): the caller waits with a timeout and interrupts the worker (which
 * aborts the JDK HTTP client's exchange) when it passes.
 */
final class Deadline {

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mnemos-model-call");
        t.setDaemon(true);
        return t;
    });

    private Deadline() {}

    /** Starts {@code call} on a worker thread. */
    static <T> Future<T> submit(Callable<T> call) {
        return WORKERS.submit(call);
    }
}
