package dev.mnemos.cli.nam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.experiment.ModelSizes;
import dev.mnemos.nam.model.ModelKind;
import dev.mnemos.nam.model.SequenceModel;
import dev.mnemos.nam.store.NamFile;
import dev.mnemos.nam.store.Payload;
import dev.mnemos.nam.task.Task;
import dev.mnemos.nam.train.Checkpoint;
import dev.mnemos.nam.train.ModelFile;
import dev.mnemos.nam.train.Models;
import dev.mnemos.nam.train.Trainer;
import dev.mnemos.nam.train.TrainingSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    private static NamRun nam(String... args) {
        return NamRun.of(args);
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void trainingPrintsOneProgressLinePerTenthAndWritesTheModel() throws Exception {
        NamRun r = nam("train", "--task", "copy", "--model", "lsam", "--n", "2", "--steps", "20", "--batch", "2",
                "--checkpoint", file("c.ckpt"), "--out", file("c.model"));

        assertEquals(0, r.code(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("step ")).toList();
        assertEquals(10, lines.size(), r.err());
        assertTrue(lines.get(9).matches("step 20/20  loss \\d+\\.\\d{4}  accuracy \\d\\.\\d{3}  \\d+s left"), lines.get(9));
        assertTrue(r.out().startsWith("copy, lsam: 20 steps, sequence accuracy "), r.out());
        assertEquals(ModelKind.LSAM, ModelFile.load(dir.resolve("c.model")).spec().kind());
    }

    @Test
    void aResumedRunEndsWithTheWeightsOfAnUninterruptedOne() throws Exception {
        for (String model : List.of("lsam", "namtm", "lstm")) {
            assertEquals(0, nam("train", "--task", "reverse", "--model", model, "--n", "2", "--steps", "8", "--batch",
                    "2", "--checkpoint", file(model + "-a.ckpt"), "--out", file(model + "-a.model")).code());
            // the first run stops after 4 steps (as after Ctrl-C: its checkpoint is there), the second goes on to 8
            assertEquals(0, nam("train", "--task", "reverse", "--model", model, "--n", "2", "--steps", "4", "--batch",
                    "2", "--checkpoint", file(model + "-b.ckpt"), "--out", file(model + "-half.model")).code());
            NamRun resumed = nam("train", "--resume", "--checkpoint", file(model + "-b.ckpt"), "--steps", "8",
                    "--out", file(model + "-b.model"));
            assertEquals(0, resumed.code(), resumed.err());
            assertTrue(resumed.err().contains("step 5/8"), resumed.err());

            SequenceModel a = ModelFile.load(dir.resolve(model + "-a.model"));
            SequenceModel b = ModelFile.load(dir.resolve(model + "-b.model"));
            for (String name : a.params().names()) {
                assertArrayEquals(a.params().get(name).values(), b.params().get(name).values(), model + " " + name);
            }
        }
    }

    @Test
    void anExistingCheckpointIsNotOverwrittenWithoutResume() throws Exception {
        Files.writeString(dir.resolve("x.ckpt"), "precious");

        NamRun r = nam("train", "--task", "copy", "--model", "lstm", "--checkpoint", file("x.ckpt"));

        assertEquals(2, r.code());
        assertEquals("nam train: " + file("x.ckpt") + " exists: --resume to continue that run, or remove it",
                r.err().strip());
        assertEquals("precious", Files.readString(dir.resolve("x.ckpt")));
    }

    @Test
    void aFinishedRunDoesNotBlockTheSameCommandAgain() throws Exception {
        String[] train = {"train", "--task", "copy", "--model", "lstm", "--n", "2", "--steps", "3", "--batch", "1",
            "--checkpoint", file("f.ckpt"), "--out", file("f.model")};
        assertEquals(0, nam(train).code());

        NamRun again = nam(train);

        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("replacing " + file("f.ckpt") + " (a finished run: copy, lstm, 3 of 3 steps)"),
                again.err());
        assertEquals(3, Checkpoint.load(dir.resolve("f.ckpt")).trainer().steps());
    }

    @Test
    void anUnfinishedRunIsOfferedNotForced() throws Exception {
        TrainingSetup setup = new TrainingSetup("copy", 2, 1, 0.01, 1.0, 1, 1, 8);
        Trainer half = setup.trainer(Models.build(ModelSizes.matching(ModelKind.LSTM, Task.named("copy")), 1));
        half.step();
        half.step();
        Path ckpt = dir.resolve("u.ckpt");
        Checkpoint.of(setup, half).save(ckpt);
        byte[] saved = Files.readAllBytes(ckpt);

        NamRun offered = nam("train", "--task", "copy", "--model", "lstm", "--n", "2", "--steps", "3", "--batch", "1",
                "--checkpoint", ckpt.toString(), "--out", file("u.model"));

        assertEquals(2, offered.code());
        assertEquals("nam train: " + ckpt + " holds an unfinished run (copy, lstm, 2 of 8 steps): --resume --checkpoint "
                + ckpt + " to continue it, or --restart to start a new run over it", offered.err().strip());
        assertArrayEquals(saved, Files.readAllBytes(ckpt));

        NamRun restarted = nam("train", "--task", "copy", "--model", "lstm", "--n", "2", "--steps", "3", "--batch", "1",
                "--checkpoint", ckpt.toString(), "--out", file("u.model"), "--restart");

        assertEquals(0, restarted.code(), restarted.err());
        assertEquals(3, Checkpoint.load(ckpt).trainer().steps());
        assertEquals(3, Checkpoint.load(ckpt).setup().totalSteps());
    }

    @Test
    void theMemoryCellsTrainOnTheRecallTasksAndEvaluate() throws Exception {
        String[][] runs = {{"delta", "recall"}, {"mlstm", "hops"}, {"shm", "recall"}};
        for (String[] run : runs) {
            NamRun r = nam("train", "--task", run[1], "--model", run[0], "--n", "2", "--steps", "2", "--batch", "2",
                    "--checkpoint", file(run[0] + ".ckpt"), "--out", file(run[0] + ".model"));
            assertEquals(0, r.code(), r.err());
            assertEquals(ModelKind.named(run[0]), ModelFile.load(dir.resolve(run[0] + ".model")).spec().kind());
            NamRun eval = nam("eval", file(run[0] + ".model"), "--task", run[1], "--n", "2", "--sequences", "3");
            assertEquals(0, eval.code(), eval.err());
            assertTrue(eval.out().startsWith(run[1] + ", " + run[0] + " ("), eval.out());
        }
    }

    @Test
    void anUnknownTaskOrModelIsAUsageError() {
        NamRun task = nam("train", "--task", "sort", "--model", "lsam", "--checkpoint", file("s.ckpt"));
        assertEquals(2, task.code());
        assertEquals("nam train: unknown task 'sort' (expected reverse, copy, add, reduce, recall or hops)", task.err().strip());

        NamRun model = nam("train", "--task", "copy", "--model", "gru", "--checkpoint", file("s.ckpt"));
        assertEquals(2, model.code());
        assertEquals("nam train: unknown model 'gru' (expected lsam, namtm, lstm, delta, mlstm or shm)", model.err().strip());
    }

    @Test
    void evalPrintsTheLengthTableOfACheckpoint() {
        assertEquals(0, nam("train", "--task", "reduce", "--model", "namtm", "--n", "2", "--steps", "2", "--batch", "1",
                "--checkpoint", file("r.ckpt"), "--out", file("r.model")).code());

        NamRun r = nam("eval", file("r.ckpt"), "--sequences", "5");

        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("reduce, namtm ("), lines.get(0));
        assertEquals("| size | sequence accuracy | token accuracy |", lines.get(1));
        assertTrue(lines.get(3).startsWith("| 2 (N) | "), lines.get(3));
        assertTrue(lines.get(5).startsWith("| 8 (4N) | "), lines.get(5));
    }

    @Test
    void evalRefusesACraftedModelOfAMillionDimensionsInOneLineWithExitCodeThree() throws Exception {
        Path crafted = dir.resolve("crafted.model");
        NamFile.write(crafted, ModelFile.KIND, new Payload.Writer().putString("lstm").putInt(10).putInt(9)
                .putInt(1_000_000).putInt(0).putInt(0).putInt(8).bytes());

        NamRun r = nam("eval", crafted.toString(), "--task", "copy", "--n", "2");

        assertEquals(3, r.code(), r.err());
        assertEquals("nam eval: " + crafted + ": a lstm of these sizes (10 inputs, 9 outputs, hidden 1000000, keys 0, "
                + "heads 0) has 4,000,053,000,009 weights, more than the file's 4 remaining bytes hold", r.err().strip());
    }

    @Test
    void evalRefusesADamagedFileInOneLineWithExitCodeThree() throws Exception {
        assertEquals(0, nam("train", "--task", "copy", "--model", "lstm", "--n", "2", "--steps", "1", "--batch", "1",
                "--checkpoint", file("d.ckpt"), "--out", file("d.model")).code());
        byte[] bytes = Files.readAllBytes(dir.resolve("d.model"));
        bytes[bytes.length - 20] ^= 4;
        Files.write(dir.resolve("d.model"), bytes);

        NamRun r = nam("eval", file("d.model"), "--task", "copy", "--n", "2");

        assertEquals(3, r.code());
        assertEquals("nam eval: " + file("d.model") + ": damaged (checksum mismatch)", r.err().strip());
        NamRun wrongTask = nam("eval", file("d.ckpt"), "--task", "add");
        assertEquals(2, wrongTask.code());
    }
}
