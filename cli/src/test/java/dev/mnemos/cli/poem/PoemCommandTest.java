package dev.mnemos.cli.poem;

import dev.mnemos.poem.store.MemorySettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mnemos.poem.sim.BiasedModel;
import dev.mnemos.poem.sim.SampleData;
import dev.mnemos.poem.store.PoemFile;
import dev.mnemos.cli.Cli;
import dev.mnemos.runtime.model.ModelServer;
import dev.mnemos.runtime.model.ModelServerStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

/** bin/poem, run in-process against the biased model behind WireMock. */
class PoemCommandTest {

    static final BiasedModel MODEL = new BiasedModel(0.9, 42);
    @RegisterExtension
    static final ModelServer server = new ModelServer(MODEL);
    @TempDir Path dir;

    @BeforeEach
    void stubs() {
        server.stubFor(post(urlPathEqualTo("/api/chat")).withRequestBody(matchingJsonPath("$.model", equalTo("biased")))
                .willReturn(aResponse().withTransformers(BiasedModel.NAME)));
        ModelServerStubs.ollamaModelNotFound(server, "missing");
    }

    record Run(int exit, String out, String err) {}

    static Run poem(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            var cl = Cli.commandLine(new PoemCommand());
            cl.setErr(new java.io.PrintWriter(System.err, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    String[] withModel(String model, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--model", model, "--base-url", server.baseUrl(), "--style", "chat", "--retries", "0"));
        return all.toArray(String[]::new);
    }

    String data() {
        return SampleData.dir().resolve("reviews.jsonl").toString();
    }

    @Test
    void trainEvalAndSelectOnTheSampleData() throws Exception {
        Path memory = dir.resolve("reviews.poem");
        Run train = poem(withModel("biased", "train", "--data", data(), "--memory", memory.toString(),
                "--limit", "40", "--m", "3", "--k", "10", "--orders", "6"));
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.out().startsWith("trained 40 queries (0 finished before), 240 model calls"), train.out());
        assertTrue(train.err().contains("40/40 queries"), "progress on stderr");
        assertFalse(train.err().contains("\r"), "not a terminal: plain lines, no redrawn frames");
        long progressLines = train.err().lines().filter(l -> l.contains("/40 queries")).count();
        assertTrue(progressLines >= 2 && progressLines <= 11, "one line per 10% at most: " + train.err());
        assertEquals(240, PoemFile.load(memory).memory().size());
        assertTrue(Files.exists(memory.resolveSibling("reviews.poem.embeddings")), "pool embeddings cached beside the memory");

        assertTrue(train.out().contains("read settings by leave-one-query-out cross-validation on 40 training queries (240 episodes)"), train.out());
        assertTrue(train.out().contains("<- chosen"), train.out());
        assertTrue(PoemFile.load(memory).settings().tuned(), "train ends by tuning the read and keeps the choice");

        // the README's command runs again as it is, --k included
        Run again = poem(withModel("biased", "train", "--data", data(), "--memory", memory.toString(), "--limit", "40", "--orders", "6",
                "--m", "3", "--k", "10"));
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().startsWith("trained 0 queries (40 finished before), 0 model calls"), again.out());

        String[] otherStyle = {"train", "--data", data(), "--memory", memory.toString(), "--limit", "40", "--orders", "6", "--m", "3",
                "--model", "biased", "--base-url", server.baseUrl(), "--style", "completion", "--retries", "0"};
        byte[] trainedBytes = Files.readAllBytes(memory);
        Run otherModel = poem(otherStyle);
        assertEquals(3, otherModel.exit(), otherModel.err());
        assertEquals("poem train: " + memory + " was trained with ollama biased, chat style; this run uses ollama biased, completion style"
                + " (their rewards would mix in one memory): give --other-model to train on with it, or a new --memory", otherModel.err().strip());
        assertArrayEquals(trainedBytes, Files.readAllBytes(memory), "a refused run leaves the memory as it was");
        List<String> asked = new ArrayList<>(List.of(otherStyle));
        asked.add("--other-model");
        Run allowed = poem(asked.toArray(String[]::new));
        assertEquals(0, allowed.exit(), allowed.err());
        assertTrue(allowed.err().contains("note: " + memory + " was trained with ollama biased, chat style; training on with ollama biased,"
                + " completion style (--other-model)"), allowed.err());
        assertEquals(java.util.Optional.of("ollama biased, completion style"), PoemFile.load(memory).log().model());

        Path json = dir.resolve("report.json");
        long before = chatCalls();
        Run evalOther = poem(withModel("biased", "eval", "--data", data(), "--memory", memory.toString(), "--limit", "40",
                "--json", json.toString()));
        assertEquals(3, evalOther.exit(), evalOther.err());
        assertEquals("poem eval: " + memory + " was trained with ollama biased, completion style; this run uses ollama biased, chat style"
                + " (its orders were chosen for that model's answers): give --other-model to evaluate with it anyway, or the model it was"
                + " trained with", evalOther.err().strip());
        assertEquals(before, chatCalls(), "refused before the first model call");
        assertFalse(Files.exists(json));
        Run eval = poem(withModel("biased", "eval", "--data", data(), "--memory", memory.toString(), "--limit", "40",
                "--json", json.toString(), "--other-model"));
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.err().contains("note: " + memory + " was trained with ollama biased, completion style; evaluating with ollama biased,"
                + " chat style (--other-model)"), eval.err());
        assertTrue(eval.out().contains("40 held-out queries, m = 3"), eval.out());
        assertFalse(eval.err().contains("\r"), "not a terminal: plain progress lines, no redrawn frames: " + eval.err());
        assertTrue(eval.err().contains("40/40 queries scored\n"), eval.err());
        assertFalse(Files.exists(dir.resolve("reviews.poem.lock")), "the lock file goes with the run that held it");
        for (String method : List.of("poem", "random", "most-similar-first", "most-similar-last", "best-fixed")) {
            assertTrue(eval.out().contains(method), method);
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(5, report.path("methods").size());
        JsonNode poemRow = report.path("methods").get(0);
        assertEquals("poem", poemRow.path("method").asText());
        assertTrue(poemRow.path("low").asDouble() <= poemRow.path("mean").asDouble());

        long calls = chatCalls();
        Run denied = poem(withModel("biased", "eval", "--data", data(), "--memory", memory.toString(), "--limit", "40", "--json", "/sys/r.json"));
        assertEquals(12, denied.exit(), denied.err());
        assertEquals("poem eval: cannot write /sys/r.json: permission denied", denied.err().strip());
        Path missing = dir.resolve("no-such-dir").resolve("r.json");
        Run noDir = poem(withModel("biased", "eval", "--data", data(), "--memory", memory.toString(), "--limit", "40", "--json", missing.toString()));
        assertEquals(12, noDir.exit(), noDir.err());
        assertTrue(noDir.err().contains("does not exist (create it first)"), noDir.err());
        assertFalse(Files.exists(missing.getParent()), "a missing directory is not made");
        assertEquals(calls, chatCalls(), "the output paths are checked before the first model call");

        Run select = poem("select", "--memory", memory.toString(), "--query", "The waiter was rude and slow.");
        assertEquals(0, select.exit(), select.err());
        assertTrue(select.out().startsWith("order ["), select.out());
        assertTrue(select.out().contains("(learned)"), select.out());
        assertEquals(4, select.out().strip().split("\n").length);

        Run prompt = poem("select", "--memory", memory.toString(), "--query", "The waiter was rude and slow.", "--format", "prompt");
        assertTrue(prompt.out().strip().endsWith("Review: The waiter was rude and slow.\nSentiment:"), prompt.out());
    }

    @Test
    void tuneChoosesTheReadAgainAndEvalUsesItUnlessOverridden() throws Exception {
        Path memory = dir.resolve("t.poem");
        Run train = poem(withModel("biased", "train", "--data", data(), "--memory", memory.toString(), "--limit", "30", "--m", "3", "--orders", "6"));
        assertEquals(0, train.exit(), train.err());
        var tuned = PoemFile.load(memory).settings();
        assertTrue(tuned.tuned());

        Run onlyK2 = poem("tune", "--memory", memory.toString(), "--k", "2", "--weighting", "plain");
        assertEquals(0, onlyK2.exit(), onlyK2.err());
        assertEquals(2 + 4 + 1, onlyK2.out().strip().split("\n").length, "title, header, 2 candidates (sum, mean), best fixed, choice, file: " + onlyK2.out());
        assertTrue(onlyK2.out().contains("best fixed order (chosen without the held-out query)"), onlyK2.out());
        var k2 = PoemFile.load(memory).settings().read();
        assertEquals(2, k2.k());
        assertEquals(dev.mnemos.poem.memory.Weighting.PLAIN, k2.weighting());

        Run eval = poem(withModel("biased", "eval", "--data", data(), "--memory", memory.toString(), "--limit", "30", "--k", "7"));
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.err().contains("read: k = 7, plain, "), "the override is used and said: " + eval.err());
        assertEquals(k2, PoemFile.load(memory).settings().read(), "an override at eval does not change the file");
        Run evalStored = poem(withModel("biased", "eval", "--data", data(), "--memory", memory.toString(), "--limit", "30"));
        assertTrue(evalStored.err().contains("read: " + k2 + " (tuned)"), evalStored.err());
    }

    @Test
    void aSecondTrainOnTheSameMemoryIsRefusedWhileTheFirstHoldsIt() throws Exception {
        Path memory = dir.resolve("busy.poem");
        try (var held = dev.mnemos.poem.store.MemoryLock.acquire(memory, "poem train")) {
            Run second = poem(withModel("biased", "train", "--data", data(), "--memory", memory.toString(), "--limit", "10"));
            assertEquals(3, second.exit(), second.err());
            assertEquals("poem train: " + memory + " is in use by poem train, process " + ProcessHandle.current().pid()
                    + " (lock " + memory + ".lock); wait for it to finish, or give another memory file", second.err().strip());
            assertEquals(0, server.countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                    urlPathEqualTo("/api/chat")).build()).getCount(), "no model call for the refused run");
        }
        Run after = poem(withModel("biased", "train", "--data", data(), "--memory", memory.toString(), "--limit", "10", "--orders", "2"));
        assertEquals(0, after.exit(), after.err());
        assertFalse(Files.exists(dir.resolve("busy.poem.lock")), "the lock file goes with the run that held it");
    }

    long chatCalls() {
        return server.countRequestsMatching(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/api/chat")).build()).getCount();
    }

    @Test
    void aWriteErrorSaysWhyNotTheNameOfATemporaryFile() {
        Path report = dir.resolve("r.json");
        Cli.Failure f = assertThrows(Cli.Failure.class, () -> Cli.writing(report, () -> {
            throw new java.nio.file.AccessDeniedException(dir.resolve(".r.json.12345.tmp").toString());
        }));
        assertEquals("cannot write " + report + ": permission denied", f.getMessage());
    }

    @Test
    void aFailedTrainLeavesNoLockFile() {
        Path memory = dir.resolve("x.poem");
        Run failed = poem(withModel("missing", "train", "--data", data(), "--memory", memory.toString(), "--limit", "10"));
        assertEquals(5, failed.exit(), failed.err());
        assertFalse(Files.exists(dir.resolve("x.poem.lock")), "no x.poem.lock after a failed train");
    }

    @Test
    void aTrainRefusedBeforeTrainingWritesNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.gguf"), "not a model");
        Path memory = dir.resolve("m.poem");
        Run badModel = poem("train", "--data", data(), "--memory", memory.toString(), "--limit", "10", "--model-file", bad.toString());
        assertEquals(3, badModel.exit(), badModel.err());
        assertEquals("poem train: " + bad + ": not a GGUF file (llama.cpp runs GGUF files only; they start with the bytes GGUF)",
                badModel.err().strip());
        assertEquals(List.of(bad), files(), "no memory, embeddings or lock");

        Path small = Files.writeString(dir.resolve("small.jsonl"), "{\"input\":\"good\",\"output\":\"positive\",\"split\":\"train\"}\n");
        Run tooFew = poem(withModel("biased", "train", "--data", small.toString(), "--memory", memory.toString(), "--m", "4"));
        assertEquals(3, tooFew.exit(), tooFew.err());
        assertEquals(List.of(bad, small), files());
    }

    private List<Path> files() throws java.io.IOException {
        try (var list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    @Test
    void anEmptyOrBlankQueryIsAUsageError() throws Exception {
        for (String query : List.of("", "   ")) {
            Run r = poem("select", "--memory", dir.resolve("none.poem").toString(), "--query", query);
            assertEquals(2, r.exit(), r.err());
            assertEquals("poem select: --query is empty: give the text to choose examples for", r.err().strip());
        }
    }

    @Test
    void aDirectoryGivenAsTheMemoryIsNamed() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.poem"));
        Run r = poem("select", "--memory", folder.toString(), "--query", "The room was cold.");
        assertEquals(3, r.exit(), r.err());
        assertEquals("poem select: " + folder + ": a directory, not a POEM memory file", r.err().strip());
    }

    @Test
    void poemWithoutASubcommandIsAUsageError() {
        Run r = poem();
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("poem: give a subcommand"), r.err());
        assertTrue(r.err().contains("Usage: poem"), r.err());
    }

    @Test
    void aMemoryOfAnotherDimensionIsBadInputNotUsage() throws Exception {
        var memory = dev.mnemos.poem.memory.EpisodicMemory.builder().dimension(8).build();
        float[] state = new float[8];
        state[1] = 1;
        memory.write(state, dev.mnemos.poem.action.Permutation.of(2, 1), 1.0);
        var settings = new MemorySettings(2, dev.mnemos.poem.memory.ReadSettings.DEFAULT, false, 100, "all-minilm-l6-v2", 8,
                dev.mnemos.poem.action.Permutation.identity(2));
        var pool = List.of(new dev.mnemos.poem.data.Example("good", "positive"), new dev.mnemos.poem.data.Example("bad", "negative"),
                new dev.mnemos.poem.data.Example("fine", "positive"));
        Path file = dir.resolve("d8.poem");
        PoemFile.save(file, new PoemFile.Contents(settings, dev.mnemos.poem.prompt.Task.simple(List.of("positive", "negative")), pool,
                memory, new dev.mnemos.poem.train.TrainingLog()));
        Run r = poem("select", "--memory", file.toString(), "--query", "so good");
        assertEquals(3, r.exit(), r.err());
        assertEquals("poem select: " + file + ": damaged POEM memory (its states have 8 dimensions; all-minilm-l6-v2 gives 384)",
                r.err().strip());
        Run train = poem(withModel("biased", "train", "--data", data(), "--memory", file.toString(), "--limit", "10"));
        assertEquals(3, train.exit(), train.err());
        assertEquals("poem train: " + file + ": the memory there was written with encoder all-minilm-l6-v2 (8 dimensions) and m = 2;"
                + " this run uses all-minilm-l6-v2 (384 dimensions)",
                train.err().strip());
    }

    @Test
    void aDamagedEmbeddingCacheIsRebuiltNotFatal() throws Exception {
        Path memory = dir.resolve("c.poem");
        Run train = poem(withModel("biased", "train", "--data", data(), "--memory", memory.toString(), "--limit", "10", "--m", "2", "--orders", "2"));
        assertEquals(0, train.exit(), train.err());
        Path cache = dir.resolve("c.poem.embeddings");
        byte[] bytes = Files.readAllBytes(cache);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(cache, bytes);

        Run select = poem("select", "--memory", memory.toString(), "--query", "The room was cold.");
        assertEquals(0, select.exit(), select.err());
        assertTrue(select.err().contains("note: " + cache + ": "), select.err());
        assertTrue(select.err().contains("moved it to " + cache + ".damaged and computing the embeddings again"), select.err());
        assertTrue(Files.exists(dir.resolve("c.poem.embeddings.damaged")));
        Run again = poem("select", "--memory", memory.toString(), "--query", "The room was cold.");
        assertEquals("", again.err().strip(), "the rebuilt cache is whole");
    }

    @Test
    void latin1DataIsBadInputNamingTheLine() throws Exception {
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.write(latin1, "{\"input\":\"caf\u00e9 au lait\",\"output\":\"positive\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        Run r = poem(withModel("biased", "train", "--data", latin1.toString(), "--memory", dir.resolve("l.poem").toString()));
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().startsWith("poem train: " + latin1 + ":1: not UTF-8 text"), r.err());
    }

    @Test
    void malformedDataNamesTheLineAndExitsWith3() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"input\":\"a\",\"output\":\"x\"}\n{\"input\":\"b\" \"output\":\"y\"}\n");
        Run r = poem(withModel("biased", "train", "--data", bad.toString(), "--memory", dir.resolve("m.poem").toString()));
        assertEquals(3, r.exit());
        assertTrue(r.err().matches("poem train: " + java.util.regex.Pattern.quote(bad.toString()) + ":2:\\d+: [^\n]+\n"), r.err());
        assertFalse(Files.exists(dir.resolve("m.poem")), "no memory file for a failed start");
    }

    @Test
    void aMemoryThatCannotBeWrittenIsAnIoErrorNamingIt() throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "not a directory\n");
        Path memory = notADirectory.resolve("m.poem");
        Run r = poem(withModel("biased", "train", "--data", data(), "--memory", memory.toString(), "--limit", "10"));
        assertEquals(12, r.exit(), r.err());
        assertTrue(r.err().strip().startsWith("poem train: cannot write " + memory + ".lock ("),
                r.err());
    }

    @Test
    void aSplitRatioOutsideZeroToOneIsAUsageError() throws Exception {
        Path unsplit = dir.resolve("unsplit.jsonl");
        Files.writeString(unsplit, "{\"input\":\"good\",\"output\":\"positive\"}\n{\"input\":\"bad\",\"output\":\"negative\"}\n");
        Run r = poem(withModel("biased", "train", "--data", unsplit.toString(), "--memory", dir.resolve("m.poem").toString(),
                "--split-ratio", "80"));
        assertEquals(2, r.exit(), r.err());
        assertEquals("poem train: --split-ratio must be between 0 and 1 (the share of examples used for training), got 80.0",
                r.err().strip());
    }

    @Test
    void anEmptyPoolIsBadInput() throws Exception {
        Path onlyTest = dir.resolve("only-test.jsonl");
        Files.writeString(onlyTest, "{\"input\":\"good\",\"output\":\"positive\",\"split\":\"test\"}\n");
        Run r = poem(withModel("biased", "train", "--data", onlyTest.toString(), "--memory", dir.resolve("m.poem").toString()));
        assertEquals(3, r.exit());
        assertEquals("poem train: " + onlyTest + ": no training examples (the pool would be empty)", r.err().strip());
    }

    @Test
    void fewerExamplesThanMIsBadInput() throws Exception {
        Path small = dir.resolve("small.jsonl");
        Files.writeString(small, """
                {"input":"good","output":"positive","split":"train"}
                {"input":"bad","output":"negative","split":"train"}
                {"input":"fine","output":"positive","split":"train"}
                {"input":"awful","output":"negative","split":"test"}
                """);
        Run r = poem(withModel("biased", "train", "--data", small.toString(), "--memory", dir.resolve("m.poem").toString(), "--m", "4"));
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("the pool has 3 training examples; with m = 4 it needs at least 5"), r.err());
    }

    @Test
    void labelsThatNeverAppearGetANote() throws Exception {
        Path small = dir.resolve("mood.jsonl");
        Files.writeString(small, """
                {"input":"I love it","output":"happy","split":"train"}
                {"input":"Best day ever","output":"happy","split":"train"}
                {"input":"I hate it","output":"sad","split":"train"}
                {"input":"Worst day ever","output":"sad","split":"train"}
                {"input":"So so","output":"meh","split":"test"}
                """);
        Files.writeString(dir.resolve("mood.task.json"), "{\"labels\": [\"happy\", \"sad\", \"meh\", \"angry\"]}");
        Run r = poem(withModel("biased", "train", "--data", small.toString(), "--memory", dir.resolve("m.poem").toString(),
                "--m", "2", "--orders", "2"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("note: label \"angry\" of the task never appears in " + small), r.err());
        assertTrue(r.err().contains("note: label \"meh\" appears in the test split but never in the training pool"), r.err());
    }

    @Test
    void aForeignMemoryFileIsRejected() throws Exception {
        Path notes = dir.resolve("notes.poem");
        Files.writeString(notes, "shopping list\n");
        Run r = poem("select", "--memory", notes.toString(), "--query", "hello");
        assertEquals(3, r.exit());
        assertEquals("poem select: " + notes + ": not a POEM memory file", r.err().strip());
    }

    @Test
    void aMemoryTrainedWithAnotherEncoderIsRefused() throws Exception {
        // 384 dimensions like MiniLM, but another model's space: its states cannot be compared with MiniLM's
        var memory = dev.mnemos.poem.memory.EpisodicMemory.builder().dimension(384).build();
        float[] state = new float[384];
        state[7] = 1;
        memory.write(state, dev.mnemos.poem.action.Permutation.of(2, 1), 1.0);
        var settings = new MemorySettings(2, dev.mnemos.poem.memory.ReadSettings.DEFAULT, false, 100, "bge-small-en-v1.5", 384,
                dev.mnemos.poem.action.Permutation.identity(2));
        var pool = List.of(new dev.mnemos.poem.data.Example("good", "positive"), new dev.mnemos.poem.data.Example("bad", "negative"),
                new dev.mnemos.poem.data.Example("fine", "positive"));
        Path file = dir.resolve("bge.poem");
        PoemFile.save(file, new PoemFile.Contents(settings, dev.mnemos.poem.prompt.Task.simple(List.of("positive", "negative")), pool,
                memory, new dev.mnemos.poem.train.TrainingLog()));

        Run r = poem("select", "--memory", file.toString(), "--query", "so good");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertEquals("poem select: " + file + " was trained with the encoder bge-small-en-v1.5; this is all-minilm-l6-v2",
                r.err().strip());
    }

    @Test
    void aMemoryTrainedWithAnotherMIsBadInputAsInTraining() throws Exception {
        var settings = new MemorySettings(2, dev.mnemos.poem.memory.ReadSettings.DEFAULT, false, 100, "all-minilm-l6-v2", 384,
                dev.mnemos.poem.action.Permutation.identity(2));
        var pool = List.of(new dev.mnemos.poem.data.Example("good", "positive"), new dev.mnemos.poem.data.Example("bad", "negative"),
                new dev.mnemos.poem.data.Example("fine", "positive"));
        Path file = dir.resolve("m2.poem");
        PoemFile.save(file, new PoemFile.Contents(settings, dev.mnemos.poem.prompt.Task.simple(List.of("positive", "negative")), pool,
                dev.mnemos.poem.memory.EpisodicMemory.builder().dimension(384).build(), new dev.mnemos.poem.train.TrainingLog()));

        Run r = poem("select", "--memory", file.toString(), "--query", "so good", "--m", "3");
        assertEquals(3, r.exit(), r.err());
        assertEquals("poem select: " + file + " was trained with m = 2; --m 3 differs", r.err().strip());
    }

    @Test
    void modelFailuresHaveTheirOwnExitCodes() {
        Run missing = poem(withModel("missing", "train", "--data", data(), "--memory", dir.resolve("a.poem").toString(), "--limit", "10"));
        assertEquals(5, missing.exit(), missing.err());
        assertTrue(missing.err().contains("model \"missing\" not found"), missing.err());

        List<String> args = new ArrayList<>(List.of("train", "--data", data(), "--memory", dir.resolve("b.poem").toString(),
                "--limit", "10", "--model", "biased", "--base-url", "http://127.0.0.1:1", "--style", "chat", "--retries", "0"));
        Run unreachable = poem(args.toArray(String[]::new));
        assertEquals(4, unreachable.exit(), unreachable.err());
        assertTrue(unreachable.err().contains("cannot reach"), unreachable.err());
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        Run r = poem("train", "--memory", dir.resolve("m.poem").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--data"), r.err());
    }

    @Test
    void evalOnAnotherDataSetThanTheMemorysPoolIsBadInput() throws Exception {
        Path memory = dir.resolve("p.poem");
        Run train = poem(withModel("biased", "train", "--data", data(), "--memory", memory.toString(), "--limit", "10", "--m", "2", "--orders", "2"));
        assertEquals(0, train.exit(), train.err());
        String topics = SampleData.dir().resolve("topics.jsonl").toString();
        Run eval = poem(withModel("biased", "eval", "--data", topics, "--memory", memory.toString(), "--limit", "10"));
        assertEquals(3, eval.exit(), eval.err());
        assertTrue(eval.err().strip().startsWith("poem eval: " + memory + " was trained on another pool than the training split of " + topics),
                eval.err());
        assertEquals("", eval.out());
    }

    @Test
    void aRunWhoseEveryAnswerIsOutsideTheLabelsWarnsAndLearnsNothing() throws Exception {
        ModelServerStubs.answer(server, ModelServerStubs.Api.OLLAMA_CHAT, "rambling", "I cannot tell from this.", false);
        Path memory = dir.resolve("r.poem");
        Run train = poem(withModel("rambling", "train", "--data", data(), "--memory", memory.toString(), "--limit", "10", "--m", "2", "--orders", "2"));
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.err().contains("warning: all 20 answers of this run named none of the labels [positive, negative]"
                + " (for example \"I cannot tell from this.\"): every reward is 0 and the memory learned no order"), train.err());

        Run select = poem("select", "--memory", memory.toString(), "--query", "The room was cold.");
        assertEquals(0, select.exit(), select.err());
        assertTrue(select.out().startsWith("order [1,2] (default: every reward in the memory is the same, so no order was learned)"), select.out());
        assertFalse(select.out().contains("(learned)"));
    }

    @Test
    void terminalEscapesInTheAnswersShownAreEscaped() throws Exception {
        ModelServerStubs.answer(server, ModelServerStubs.Api.OLLAMA_CHAT, "hostile", "\u001b[2J\u001b[31mPWNED \u202eevil", false);
        Run train = poem(withModel("hostile", "train", "--data", data(), "--memory", dir.resolve("h.poem").toString(),
                "--limit", "4", "--m", "2", "--orders", "1"));
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.err().contains("(for example \"\\u001b[2J\\u001b[31mPWNED \\u202eevil\")"), train.err());
        assertFalse(train.err().contains("\u001b") || train.err().contains("\u202e"), "the model's answer reaches the terminal escaped");
    }

    @Test
    void aPoolOfOneExampleSaysExampleNotExamples() {
        Run train = poem(withModel("biased", "train", "--data", data(), "--memory", dir.resolve("one.poem").toString(), "--limit", "1", "--m", "1"));
        assertEquals(3, train.exit(), train.err());
        assertTrue(train.err().contains(": the pool has 1 training example; with m = 1 it needs at least 2"), train.err());
    }
}
