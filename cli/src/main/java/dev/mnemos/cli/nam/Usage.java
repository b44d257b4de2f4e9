package dev.mnemos.cli.nam;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
import java.util.function.Supplier;

/** What nam's commands share: a library's refusal of an option's value is a usage error naming it. */
final class Usage {

    private Usage() {
    }

    /** {@code s.get()}; its {@link IllegalArgumentException} is a usage error (exit 2) with its message. */
    static <T> T of(Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new Cli.Failure(ExitCode.USAGE, e.getMessage());
        }
    }
}
