package dev.mnemos.llama.models;

import dev.mnemos.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a model file's SHA-256 is the pinned one. Hashing 250 MB takes a second or two, so a
 * verified file gets a note beside it ({@code .FILE.verified}: the SHA-256, the size and the
 * modification time); the note counts only while the file's size and time are unchanged.
 */
final class Verification {

    private Verification() {}

    static boolean verified(Path file, String sha256) throws IOException {
        String stamp = stamp(file, sha256);
        Path note = note(file);
        if (Files.isRegularFile(note) && Files.readString(note, StandardCharsets.UTF_8).strip().equals(stamp)) return true;
        if (!Sha256.of(file).equals(sha256)) return false;
        AtomicFiles.write(note, (stamp + "\n").getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** Notes that {@code file} was just checked to be {@code sha256}. */
    static void record(Path file, String sha256) throws IOException {
        AtomicFiles.write(note(file), (stamp(file, sha256) + "\n").getBytes(StandardCharsets.UTF_8));
    }


    private static String stamp(Path file, String sha256) throws IOException {
        return sha256 + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
    }

    private static Path note(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".verified");
    }
}
