package dev.mnemos.vectors.arch;

import dev.mnemos.testkit.PackageCycles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vectors module's packages depend on each other without cycles (the check is testkit's, shared by every module). */
class PackageCyclesTest {

    @Test
    void theModulesPackagesFormNoCycle() {
        PackageCycles.assertNone(Path.of("src/main/java"), "dev.mnemos.vectors", List.of("(root)"));
    }
}
