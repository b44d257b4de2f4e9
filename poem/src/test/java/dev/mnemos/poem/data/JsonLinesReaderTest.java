package dev.mnemos.poem.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class JsonLinesReaderTest {

    @TempDir Path dir;

    Path file(String... lines) throws IOException {
        Path f = dir.resolve("data.jsonl");
        Files.write(f, List.of(lines));
        return f;
    }

    DataException error(Path f, List<String> labels) {
        return assertThrows(DataException.class, () -> new JsonLinesReader(0.8, 1).read(f, labels));
    }

    @Test
    void readsTheSplitFieldAndSkipsBlankLines() throws IOException {
        Path f = file("{\"input\":\"a\",\"output\":\"x\",\"split\":\"train\"}", "",
                "{\"input\":\"b\",\"output\":\"y\",\"split\":\"test\"}", "{\"input\":\"c\",\"output\":\"y\",\"split\":\"train\"}");
        Dataset d = new JsonLinesReader(0.8, 1).read(f);
        assertEquals(List.of(new Example("a", "x"), new Example("c", "y")), d.train());
        assertEquals(List.of(new Example("b", "y")), d.test());
    }

    @Test
    void withoutSplitFieldsTheRatioSplitsTheSameWayEveryTime() throws IOException {
        String[] lines = new String[10];
        for (int i = 0; i < 10; i++) lines[i] = "{\"input\":\"text " + i + "\",\"output\":\"x\"}";
        Path f = file(lines);
        Dataset a = new JsonLinesReader(0.7, 5).read(f), b = new JsonLinesReader(0.7, 5).read(f);
        assertEquals(7, a.train().size());
        assertEquals(3, a.test().size());
        assertEquals(a, b);
    }

    @Test
    void aPoolIsEveryExampleInTheFilesOrderOrTheTrainSplit() throws IOException {
        Path f = file("{\"input\":\"c\",\"output\":\"x\"}", "{\"input\":\"a\",\"output\":\"y\"}", "{\"input\":\"b\",\"output\":\"x\"}");
        assertEquals(List.of(new Example("c", "x"), new Example("a", "y"), new Example("b", "x")), JsonLinesReader.pool().read(f).train());
        assertEquals(List.of(), JsonLinesReader.pool().read(f).test());

        Path split = file("{\"input\":\"a\",\"output\":\"x\",\"split\":\"train\"}", "{\"input\":\"b\",\"output\":\"y\",\"split\":\"test\"}");
        assertEquals(List.of(new Example("a", "x")), JsonLinesReader.pool().read(split).train());
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        Path f = file("{\"input\":\"a\",\"output\":\"x\"}", "{\"input\": \"b\", \"output\": ");
        String message = error(f, List.of()).getMessage();
        assertTrue(message.startsWith(f + ":2:26: Unexpected end-of-input"), message);
    }

    @Test
    void aDuplicateInputNamesBothLines() throws IOException {
        Path f = file("{\"input\":\"same text\",\"output\":\"x\"}", "{\"input\":\"other\",\"output\":\"x\"}",
                "{\"input\":\"same text\",\"output\":\"y\"}");
        assertEquals(f + ":3: the same input as line 1 (\"same text\")", error(f, List.of()).getMessage());
    }

    @Test
    void missingFieldsAndBadSplitsAreNamed() throws IOException {
        assertTrue(error(file("{\"input\":\"a\"}"), List.of()).getMessage().endsWith(":1: missing \"output\""));
        assertTrue(error(file("{\"input\":\"a\",\"output\":\"x\",\"split\":\"dev\"}"), List.of()).getMessage()
                .endsWith(":1: split must be \"train\" or \"test\", got \"dev\""));
        assertTrue(error(file("{\"input\":\"a\",\"output\":\"x\",\"split\":\"train\"}", "{\"input\":\"b\",\"output\":\"x\"}"), List.of())
                .getMessage().contains(":2: some lines have a \"split\" and some do not"));
        assertTrue(error(file("[1,2]"), List.of()).getMessage().endsWith(":1: expected a JSON object"));
    }

    @Test
    void anOutputOutsideTheTasksLabelsIsNamedWithItsLine() throws IOException {
        Path f = file("{\"input\":\"a\",\"output\":\"positive\"}", "{\"input\":\"b\",\"output\":\"neutral\"}");
        assertEquals(f + ":2: output \"neutral\" is not one of the task's labels [positive, negative]",
                error(f, List.of("positive", "negative")).getMessage());
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        Path f = file("", "  ");
        assertEquals(f + ": no examples", error(f, List.of()).getMessage());
    }

    @Test
    void latin1DataNamesTheFileAndTheLine() throws IOException {
        Path f = dir.resolve("latin1.jsonl");
        byte[] good = "{\"input\":\"good\",\"output\":\"x\"}\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = "{\"input\":\"caf\u00e9\",\"output\":\"y\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
        both.write(good);
        both.write(new String(good, java.nio.charset.StandardCharsets.UTF_8).replace("good", "fine").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        both.write(bad);
        Files.write(f, both.toByteArray());
        DataException e = assertThrows(DataException.class, () -> new JsonLinesReader(0.8, 1).read(f));
        assertTrue(e.getMessage().startsWith(f + ":3: not UTF-8 text"), e.getMessage());
    }
}
