package dev.mnemos.utm.machine;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain reader gives jackson-core's tree, or nothing: never another tree, never a tree where jackson-core refuses. */
class PlainJsonTest {

    static JsonNode jackson(String json) {
        return JsonFile.jacksonTree(json, "test", IllegalArgumentException::new);
    }

    @Test
    void theSampleFilesArePlainAndGiveJacksonsTree() throws IOException {
        Path root = Path.of("..", "samples");
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.list(root.resolve("bitag")), Files.list(root.resolve("machines")))) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 7, files.toString());
        for (Path f : files) {
            String json = JsonFile.read(f, IllegalArgumentException::new);
            JsonNode plain = PlainJson.tree(json);
            assertNotNull(plain, f + " is plain JSON");
            assertEquals(jackson(json), plain, f.toString());
        }
    }

    @Test
    void plainValuesOfEachKind() {
        String json = " {\"q\": 2, \"h\": -0, \"big\": 999999999, \"neg\": -12, \"s\": \"e1 a1\", \"e\": \"\", \"t\": true,"
                + " \"f\": false, \"n\": null, \"a\": [1, [], {}, [\"x\"]], \"o\": {\"\": {}}}\r\n\t";
        assertEquals(jackson(json), PlainJson.tree(json));
        assertEquals(jackson("[]"), PlainJson.tree("[]"));
        assertEquals(jackson("7"), PlainJson.tree("7"));
    }

    @Test
    void anythingElseIsLeftToJackson() {
        for (String json : List.of("", "  ", "\"a\\nb\"", "[\"\\u0041\"]", "1.5", "1e3", "-1E3", "1234567890", "01", "-", "--1", "+1",
                "{\"a\": 1, \"a\": 2}", "[\"caf\u00e9\"]", "\ufeff{}", "{} x", "{}{}", "1 2", "[1,]", "{\"a\":1,}", "{,}", "[,1]",
                "{\"a\" 1}", "{a: 1}", "['a']", "[tru]", "[truex]", "[nul]", "12abc", "[\"a\tb\"]", "{\"a\": 1", "[1", "\"abc",
                "[1]]", "/* c */ {}", "NaN", "[".repeat(70) + "1" + "]".repeat(70))) {
            assertNull(PlainJson.tree(json), json);
        }
    }

    @Test
    void neverATreeOtherThanJacksons() {
        String[] tokens = {"{", "}", "[", "]", ",", ":", "\"a\"", "\"b\"", "\"\"", "1", "-0", "-", "0", "01", "42", "1.5", "e3",
                "true", "false", "null", "nul", " ", "\n", "\t", "\"\\n\"", "x", "\u00e9", "123456789", "1234567890"};
        Random random = new Random(21);
        int plain = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int k = 0; k < length; k++) s.append(tokens[random.nextInt(tokens.length)]);
            String json = s.toString();
            JsonNode tree = PlainJson.tree(json);
            if (tree == null) continue;
            plain++;
            assertEquals(jackson(json), tree, json); // (jackson throws, failing the test, where it refuses the text)
        }
        assertTrue(plain > 500, "only " + plain + " plain texts were drawn");
    }

    /** jackson-core refuses a name longer than its StreamReadConstraints allow (50,000 characters by default). */
    @Test
    void aNamePastJacksonsLengthLimitIsLeftToJackson() {
        String longKey = "{\"" + "k".repeat(50_001) + "\": 1}";
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> jackson(longKey));
        assertTrue(PlainJson.tree(longKey) == null, "a name of 50,001 characters: plain gave a tree where jackson-core refuses");
    }

    /** jackson-core refuses a string value longer than its StreamReadConstraints allow (20,000,000 characters by default). */
    @Test
    void aStringPastJacksonsLengthLimitIsLeftToJackson() {
        String longString = "[\"" + "s".repeat(20_000_001) + "\"]";
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> jackson(longString));
        assertTrue(PlainJson.tree(longString) == null, "a string of 20,000,001 characters: plain gave a tree where jackson-core refuses");
    }
}
