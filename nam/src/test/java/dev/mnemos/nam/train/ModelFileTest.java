package dev.mnemos.nam.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.grad.Rng;
import dev.mnemos.nam.grad.Tape;
import dev.mnemos.nam.grad.Tensor;
import dev.mnemos.nam.model.ModelSpec;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.store.BadFileException;
import dev.mnemos.nam.store.NamFile;
import dev.mnemos.nam.task.Reverse;
import dev.mnemos.nam.task.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    private static final Task TASK = new Reverse();

    private static List<ModelSpec> specs() {
        return List.of(ModelSpec.lsam(TASK.inputSize(), TASK.outputSize(), 6, 5),
                ModelSpec.namtm(TASK.inputSize(), TASK.outputSize(), 6, 4, 2),
                ModelSpec.lstm(TASK.inputSize(), TASK.outputSize(), 6));
    }

    @Test
    void aSavedModelLoadsWithTheSameWeightsAndAnswers() throws IOException {
        double[][] inputs = TASK.generate(new Rng(3), 4).inputs();
        for (ModelSpec spec : specs()) {
            SequenceModel model = Models.build(spec, 11);
            Path file = dir.resolve(spec.kind() + ".model");
            ModelFile.save(file, model);

            SequenceModel again = ModelFile.load(file);

            assertEquals(spec, again.spec());
            for (String name : model.params().names()) {
                assertArrayEquals(model.params().get(name).values(), again.params().get(name).values(), name);
            }
            List<Tensor> a = model.forward(new Tape(), inputs);
            List<Tensor> b = again.forward(new Tape(), inputs);
            for (int t = 0; t < a.size(); t++) {
                assertArrayEquals(a.get(t).values(), b.get(t).values());
            }
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void aDamagedFileIsRefusedWithOneLine() throws IOException {
        Path file = dir.resolve("m.model");
        ModelFile.save(file, Models.build(specs().get(0), 1));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);

        BadFileException e = assertThrows(BadFileException.class, () -> ModelFile.load(file));

        assertEquals(file + ": damaged (checksum mismatch)", e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path file = dir.resolve("m.model");
        ModelFile.save(file, Models.build(specs().get(0), 1));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        BadFileException e = assertThrows(BadFileException.class, () -> ModelFile.load(file));

        assertTrue(e.getMessage().startsWith(file + ": truncated"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void aForeignFileOrAnotherKindIsRefused() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "weights: 1 2 3\n", StandardCharsets.UTF_8);
        assertEquals(text + ": not a mnemos nam file (no MNEMOSNAM header)",
                assertThrows(BadFileException.class, () -> ModelFile.load(text)).getMessage());

        Path other = dir.resolve("other.nam");
        NamFile.write(other, "poem-estimator", new byte[] {1, 2, 3});
        assertEquals(other + ": holds kind 'poem-estimator', expected 'model'",
                assertThrows(BadFileException.class, () -> ModelFile.load(other)).getMessage());

        Path missing = dir.resolve("missing.model");
        assertEquals(missing + ": no such file",
                assertThrows(BadFileException.class, () -> ModelFile.load(missing)).getMessage());
    }

    @Test
    void aFileOfAnotherFormatVersionIsRefused() throws IOException {
        Path file = dir.resolve("m.model");
        ModelFile.save(file, Models.build(specs().get(0), 1));
        byte[] bytes = Files.readAllBytes(file);
        bytes["MNEMOSNAM\n".length() + 3] = 9;   // version 9, checksum not even looked at
        Files.write(file, bytes);

        assertEquals(file + ": format version 9, this build reads version 1",
                assertThrows(BadFileException.class, () -> ModelFile.load(file)).getMessage());
    }

    @Test
    void aResumedRunContinuesTheSameLossCurve() throws IOException {
        TrainingSetup setup = new TrainingSetup("reverse", 3, 4, 1e-2, 1.0, 5, 9, 8);
        for (ModelSpec spec : specs()) {
            Trainer straight = setup.trainer(Models.build(spec, setup.modelSeed()));
            List<Double> expected = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                expected.add(straight.step().loss());
            }

            Trainer first = setup.trainer(Models.build(spec, setup.modelSeed()));
            List<Double> losses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                losses.add(first.step().loss());
            }
            Path file = dir.resolve(spec.kind() + ".ckpt");
            Checkpoint.of(setup, first).save(file);
            first = null;   // the process dies here
            Checkpoint resumed = Checkpoint.load(file);
            assertEquals(setup, resumed.setup());
            assertEquals(5, resumed.trainer().steps());
            for (int i = 0; i < 3; i++) {
                losses.add(resumed.trainer().step().loss());
            }

            assertEquals(expected, losses, spec.kind().id());
        }
    }
}
