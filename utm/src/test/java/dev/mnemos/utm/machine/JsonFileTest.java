package dev.mnemos.utm.machine;

import dev.mnemos.utm.bitag.BiTagException;
import dev.mnemos.utm.bitag.BiTagFormat;
import dev.mnemos.utm.lag.LagException;
import dev.mnemos.utm.lag.LagJson;
import dev.mnemos.utm.lag.RuleFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machine, bi-tag and Lag files: one JSON object and nothing after it, UTF-8 text, errors that name the line. */
class JsonFileTest {

    @TempDir
    Path dir;

    static final String MACHINE = "{\"symbols\":[\"0\",\"1\"],\"transitions\":{\"A\":{\"0\":\"1 R A\",\"1\":\"halt\"}}}";
    static final String BITAG = "{\"q\":1,\"h\":2,\"productions\":{\"e1 a1\":\"a1 e2\"},\"word\":\"e1 a1\"}";
    static final String LAG = "{\"rules\":{\"a b\":\"b\",\"b a\":\"a\"},\"queue\":\"a b\"}";

    @Test
    void textAfterTheObjectIsRefusedNamingWhereItStarts() throws Exception {
        Path m = Files.writeString(dir.resolve("m.json"), MACHINE + "\n{\"more\": 1}\n");
        MachineException me = assertThrows(MachineException.class, () -> MachineFormat.read(m));
        assertTrue(me.getMessage().startsWith(m + ":2:1: "), me.getMessage());
        assertTrue(me.getMessage().contains("after the JSON object"), me.getMessage());
        Path b = Files.writeString(dir.resolve("b.json"), BITAG + " garbage");
        BiTagException be = assertThrows(BiTagException.class, () -> BiTagFormat.read(b));
        assertTrue(be.getMessage().startsWith(b + ":1:"), be.getMessage());
        Path l = Files.writeString(dir.resolve("l.json"), LAG + "]");
        LagException le = assertThrows(LagException.class, () -> LagJson.read(l));
        assertTrue(le.getMessage().startsWith(l + ":1:"), le.getMessage());
        Files.writeString(m, MACHINE + "\n\n  \n"); // white space after it is fine
        assertEquals(2, MachineFormat.read(m).symbols().size());
    }

    @Test
    void textThatIsNotUtf8IsRefusedNamingItsLine() throws Exception {
        byte[] latin1 = ("{\"name\": \"caf\u00e9\",\n" + MACHINE.substring(1)).getBytes(StandardCharsets.ISO_8859_1);
        Path m = Files.write(dir.resolve("m.json"), latin1);
        MachineException me = assertThrows(MachineException.class, () -> MachineFormat.read(m));
        assertEquals(m + ":1: not UTF-8 text", me.getMessage());
        Path b = Files.write(dir.resolve("b.json"), ("\n\n" + BITAG.replace("e1 a1\"}", "e1 a1\", \"name\": \"\u00ff\"}")).getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(b + ":3: not UTF-8 text", assertThrows(BiTagException.class, () -> BiTagFormat.read(b)).getMessage());
        Path l = Files.write(dir.resolve("l.json"), LAG.replace("\"a b\"}", "\"a b\", \"name\": \"\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(l + ":1: not UTF-8 text", assertThrows(LagException.class, () -> LagJson.read(l)).getMessage());
        Path r = Files.write(dir.resolve("r.txt"), "aBgJ:vD\ngJvD:aB\nvD\u00e9B:gJ\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(r + ":3: not UTF-8 text", assertThrows(LagException.class, () -> RuleFormat.read(r, 0)).getMessage());
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithWhy() {
        Path missing = dir.resolve("none.json");
        assertEquals(missing + ": no such file", assertThrows(BiTagException.class, () -> BiTagFormat.read(missing)).getMessage());
        assertEquals(missing + ": no such file", assertThrows(MachineException.class, () -> MachineFormat.read(missing)).getMessage());
        assertEquals(dir + ": cannot read: Is a directory", assertThrows(BiTagException.class, () -> BiTagFormat.read(dir)).getMessage());
    }

    /**
     * A file on another file system than the default one (a zip file system here): Path.toFile()
     * is unsupported there, and the file is read all the same (Files.readAllBytes read it so).
     */
    @Test
    void aFileInAZipFileSystemIsRead() throws Exception {
        Path zip = dir.resolve("machines.zip");
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip, java.util.Map.of("create", "true"))) {
            Files.writeString(fs.getPath("m.json"), MACHINE);
        }
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip)) {
            assertEquals(MACHINE, JsonFile.read(fs.getPath("m.json"), MachineException::new));
        }
    }
}
