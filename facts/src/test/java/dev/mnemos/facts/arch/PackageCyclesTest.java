package dev.mnemos.facts.arch;

import dev.mnemos.testkit.PackageCycles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts module's packages depend on each other without cycles (testkit's check, shared by every module). */
class PackageCyclesTest {

    @Test
    void theModulesPackagesFormNoCycle() {
        PackageCycles.assertNone(Path.of("src/main/java"), "dev.mnemos.facts", List.of("(root)", "matrix"));
    }
}
