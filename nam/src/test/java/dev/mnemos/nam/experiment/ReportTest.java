package dev.mnemos.nam.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.task.Reverse;
import dev.mnemos.nam.train.Evaluation;
import dev.mnemos.nam.train.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static RunResult run(String model, long seed, double... seq) {
        return new RunResult("reverse", ModelKind.named(model), seed, 3800, 0.1, List.of(new Evaluation(5, 10, seq[0], 0.9),
                new Evaluation(10, 10, seq[1], 0.5), new Evaluation(20, 10, seq[2], 0.25)), 1.0);
    }

    @Test
    void theTableGivesTheMeanAndRangeOverSeeds(@TempDir Path dir) throws Exception {
        Report report = new Report(List.of(run("namtm", 1, 1.0, 0.9, 0.3), run("namtm", 2, 0.5, 0.1, 0.0),
                run("lstm", 1, 0.6, 0.0, 0.0), run("lstm", 2, 0.6, 0.0, 0.0)));

        List<String> rows = report.markdown().lines().toList();

        assertEquals("| task | model | weights | seq. acc. N = 5 | 2N = 10 | 4N = 20 | token acc. N | 2N | 4N |", rows.get(0));
        assertEquals("| reverse | NAM-TM | 3800 | 0.75 (0.50-1.00) | 0.50 (0.10-0.90) | 0.15 (0.00-0.30) "
                + "| 0.90 (0.90-0.90) | 0.50 (0.50-0.50) | 0.25 (0.25-0.25) |", rows.get(2));
        assertEquals(1 + 4 * 3, report.csv().lines().count());

        List<Path> files = report.write(dir);
        assertEquals(3, files.size());
        assertTrue(Files.readString(dir.resolve("length-generalisation-reverse.svg")).startsWith("<svg"));
        for (Path f : files) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
    }

    @Test
    void theModelsHaveAboutTheSameNumberOfWeights() {
        long namtm = ModelSizes.matching(ModelKind.NAMTM, new Reverse()).weights();
        for (ModelKind kind : List.of(ModelKind.LSAM, ModelKind.LSTM)) {
            long other = ModelSizes.matching(kind, new Reverse()).weights();
            assertEquals(Models.build(ModelSizes.matching(kind, new Reverse()), 0).params().count(), other);
            assertTrue(Math.abs(other - namtm) < 0.03 * namtm, kind + " " + other + " vs " + namtm);
        }
    }
}
