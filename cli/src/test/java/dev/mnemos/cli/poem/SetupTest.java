package dev.mnemos.cli.poem;

import dev.mnemos.cli.Cli;
import dev.mnemos.cli.ExitCode;
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
