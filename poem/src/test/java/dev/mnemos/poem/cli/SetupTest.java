package dev.mnemos.poem.cli;

import dev.mnemos.runtime.cli.Cli;
import dev.mnemos.runtime.cli.ExitCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SetupTest {

    @Test
    void aBugIsReportedAsAnInternalErrorNotAsAModelFailure() {
        Cli.Failure f = assertThrows(Cli.Failure.class, () -> Setup.run(() -> {
            String missing = null;
            return missing.length();
        }));
        assertEquals(ExitCode.INTERNAL, f.exitCode());
        assertTrue(f.getMessage().startsWith("internal error: java.lang.NullPointerException"), f.getMessage());
    }
}
