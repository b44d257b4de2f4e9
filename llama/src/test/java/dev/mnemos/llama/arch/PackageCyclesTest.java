package dev.mnemos.llama.arch;

import dev.mnemos.testkit.PackageCycles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The llama module's packages (the backend, and models: the catalog and the fetcher) depend on each other without cycles. */
class PackageCyclesTest {

    @Test
    void theModulesPackagesFormNoCycle() {
        PackageCycles.assertNone(Path.of("src/main/java"), "dev.mnemos.llama", List.of(PackageCycles.ROOT, "models"));
    }
}
