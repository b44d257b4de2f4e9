package dev.mnemos.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnemos.runtime.model.ModelException.Kind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry policy on its own; the HTTP cases are in {@link ModelFaultsTest}. */
class RetryingProcessorTest {

    /** A backend that fails as scripted, then answers. */
    static final class ScriptedBackend implements Processor {
        final Deque<ModelException> failures;
        int calls;

        ScriptedBackend(List<ModelException> failures) {
            this.failures = new ArrayDeque<>(failures);
        }

        @Override
        public Answer process(String prompt) throws ModelException {
            calls++;
            if (!failures.isEmpty()) throw failures.removeFirst();
            return Answer.of("answer to " + prompt);
        }

        @Override
        public String fingerprint() {
            return "scripted";
        }
    }

    static ModelException failure(Kind kind) {
        return new ModelException(kind, kind + " happened");
    }

    @Test
    void transientFailuresAreRetried() throws Exception {
        ScriptedBackend backend = new ScriptedBackend(List.of(failure(Kind.SERVER_ERROR), failure(Kind.TIMEOUT)));

        Answer answer = new RetryingProcessor(backend, 2, Duration.ofMillis(1)).process("p");

        assertEquals("answer to p", answer.text());
        assertEquals(3, backend.calls);
    }

    @Test
    void permanentFailuresAreNotRetried() {
        for (Kind kind : List.of(Kind.UNREACHABLE, Kind.MODEL_NOT_FOUND, Kind.REJECTED, Kind.BAD_RESPONSE)) {
            ModelException original = failure(kind);
            ScriptedBackend backend = new ScriptedBackend(List.of(original));

            ModelException e = assertThrows(ModelException.class,
                    () -> new RetryingProcessor(backend, 3, Duration.ofMillis(1)).process("p"));

            assertSame(original, e);
            assertEquals(1, backend.calls);
        }
    }

    @Test
    void theLastFailureIsReportedWithTheNumberOfTries() {
        ScriptedBackend backend = new ScriptedBackend(List.of(
                failure(Kind.TIMEOUT), failure(Kind.TIMEOUT), new ModelException(Kind.SERVER_ERROR, "HTTP 503 from X")));

        ModelException e = assertThrows(ModelException.class,
                () -> new RetryingProcessor(backend, 2, Duration.ofMillis(1)).process("p"));

        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertEquals("HTTP 503 from X (gave up after 3 tries)", e.getMessage());
    }

    @Test
    void withoutRetriesTheFailureIsReportedAsItIs() {
        ModelException original = failure(Kind.TIMEOUT);

        ModelException e = assertThrows(ModelException.class,
                () -> new RetryingProcessor(new ScriptedBackend(List.of(original)), 0, Duration.ofMillis(1)).process("p"));

        assertSame(original, e);
    }

    @Test
    void waitsDoubleUpToACap() {
        RetryingProcessor retrying = new RetryingProcessor(new ScriptedBackend(List.of()), 20, Duration.ofMillis(500));

        assertEquals(Duration.ofMillis(500), retrying.delay(0));
        assertEquals(Duration.ofMillis(1000), retrying.delay(1));
        assertEquals(Duration.ofMillis(4000), retrying.delay(3));
        assertEquals(RetryingProcessor.MAX_DELAY, retrying.delay(19));
    }

    @Test
    void anInterruptedThreadStopsRetrying() {
        ScriptedBackend backend = new ScriptedBackend(List.of(failure(Kind.TIMEOUT), failure(Kind.TIMEOUT)));
        Thread.currentThread().interrupt();
        try {
            assertThrows(ModelException.class, () -> new RetryingProcessor(backend, 5, Duration.ofSeconds(10)).process("p"));
            assertEquals(1, backend.calls);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void fingerprintIsTheBackendsOwn() {
        assertEquals("scripted", new RetryingProcessor(new ScriptedBackend(List.of()), 1, Duration.ZERO).fingerprint());
    }
}
