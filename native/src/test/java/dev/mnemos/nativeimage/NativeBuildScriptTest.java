package dev.mnemos.nativeimage;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What native/build leaves beside the executable it makes. */
class NativeBuildScriptTest {

    @Test
    void anExecutableBuiltFromOtherJarsReplacesTheRecordOfTheBuildTheLauncherWouldTrust() throws Exception {
        Path executable = NativeBuild.executable(); // (NativeBuild left a record of a launcher's build there first)
        assertTrue(Files.isExecutable(executable));
        assertFalse(Files.exists(NativeBuild.recordOf(executable)),
                "--classpath and --output make an executable bin/utm-run must not run: no record naming a build of its jars may stay beside it");
    }
}
