package dev.mnemos.poem.spring.boot;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The last background save of the memory file that failed, and when (for the health indicator). */
final class SaveFailures {

    record Failure(IOException error, Instant at) {}

    private final AtomicReference<Failure> last = new AtomicReference<>();

    void failed(IOException e) {
        last.set(new Failure(e, Instant.now()));
    }

    /** The last failure, unless the file was saved after it ({@code lastSave} null: never saved). */
    Optional<Failure> since(Instant lastSave) {
        Failure f = last.get();
        return f == null || (lastSave != null && lastSave.isAfter(f.at())) ? Optional.empty() : Optional.of(f);
    }
}
