package dev.mnemos.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheModeTheUmaskGivesAnyNewFile() throws IOException {
        Path plain = dir.resolve("plain.txt");
        try (OutputStream out = Files.newOutputStream(plain)) {
            out.write('x');
        }
        Path atomic = dir.resolve("report.json");
        AtomicFiles.write(atomic, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(mode(plain), mode(atomic));
        if (mode(plain).equals("rw-r--r--")) assertEquals("rw-r--r--", mode(atomic), "0644 under umask 022, not 0600");
    }

    @Test
    void aReplacedFileKeepsItsMode() throws IOException {
        Path file = dir.resolve("memory.poem");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(file));
        assertEquals("rw-r-----", mode(file));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("final.json");
        Files.writeString(file, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write('x');
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("final.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    static String mode(Path file) throws IOException {
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        return PosixFilePermissions.toString(p);
    }
}
