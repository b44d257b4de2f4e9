package dev.mnemos.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClassResourcesTest {

    /** A class to load from a jar of the test's own (it uses nothing but java.lang). */
    static final class Marker {}

    private static final String MARKER = "dev/mnemos/io/ClassResourcesTest$Marker.class";

    @Test
    void readsFromTheClassFolderOfTheClass() throws IOException {
        try (ClassResources r = ClassResources.of(ClassResourcesTest.class)) {
            byte[] own = r.bytes("dev/mnemos/io/ClassResourcesTest.class");
            assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}, java.util.Arrays.copyOf(own, 4));
            assertNull(r.text("dev/mnemos/io/no-such-resource.txt"));
        }
    }

    @Test
    void readsFromTheJarOfTheClassEvenWhenAnEarlierJarHoldsTheSameName(@TempDir Path dir) throws IOException, ReflectiveOperationException {
        Path first = jar(dir.resolve("first.jar"), "shared.txt", "from first.jar", null);
        Path second = jar(dir.resolve("second.jar"), "shared.txt", "from second.jar", classFile());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {first.toUri().toURL(), second.toUri().toURL()}, null)) {
            Class<?> marker = loader.loadClass(Marker.class.getName());
            try (InputStream searched = loader.getResourceAsStream("shared.txt")) {
                assertEquals("from first.jar", new String(searched.readAllBytes(), StandardCharsets.UTF_8)); // what a search finds
            }
            try (ClassResources r = ClassResources.of(marker)) {
                assertEquals("from second.jar", r.text("shared.txt"));
                assertNull(r.bytes("missing.txt"));
            }
        }
    }

    /** A build that keeps resources apart from classes (a resources folder or jar beside the classes'). */
    @Test
    void aResourceNotBesideTheClassIsFoundThroughItsClassLoader(@TempDir Path dir) throws IOException, ReflectiveOperationException {
        Path resources = jar(dir.resolve("resources.jar"), "apart.txt", "kept apart", null);
        Path classes = jar(dir.resolve("classes.jar"), "other.txt", "", classFile());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL(), classes.toUri().toURL()}, null)) {
            try (ClassResources r = ClassResources.of(loader.loadClass(Marker.class.getName()))) {
                assertEquals("kept apart", r.text("apart.txt"));
                assertNull(r.bytes("missing.txt"));
            }
        }
    }

    @Test
    void aClassFromNoFileReadsThroughItsClassLoader(@TempDir Path dir) throws IOException, ReflectiveOperationException {
        URL shared = Files.writeString(dir.resolve("shared.txt"), "found by the loader").toUri().toURL();
        ClassLoader loader = definingMarker(null, shared); // (no code source: no jar or folder to open)
        try (ClassResources r = ClassResources.of(loader.loadClass(Marker.class.getName()))) {
            assertEquals("found by the loader", r.text("shared.txt"));
            assertNull(r.bytes("missing.txt"));
        }
    }

    /** As in a native executable: the class's code source is a file, but no jar. */
    @Test
    void aClassWhoseCodeSourceIsNoJarReadsThroughItsClassLoader(@TempDir Path dir) throws IOException, ReflectiveOperationException {
        URL executable = Files.writeString(dir.resolve("utm-run"), "\u007fELF, not a zip").toUri().toURL();
        URL shared = Files.writeString(dir.resolve("shared.txt"), "found by the loader").toUri().toURL();
        ClassLoader loader = definingMarker(new ProtectionDomain(new CodeSource(executable, (Certificate[]) null), null), shared);
        try (ClassResources r = ClassResources.of(loader.loadClass(Marker.class.getName()))) {
            assertEquals("found by the loader", r.text("shared.txt"));
        }
    }

    /** A loader that defines {@link Marker} in {@code domain} (null: none) and finds "shared.txt" at {@code shared}. */
    private static ClassLoader definingMarker(ProtectionDomain domain, URL shared) throws IOException {
        byte[] bytes = classFile();
        return new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (!name.equals(Marker.class.getName())) throw new ClassNotFoundException(name);
                return defineClass(name, bytes, 0, bytes.length, domain);
            }

            @Override
            protected URL findResource(String name) {
                return name.equals("shared.txt") ? shared : null;
            }
        };
    }

    private static byte[] classFile() throws IOException {
        try (InputStream in = ClassResourcesTest.class.getClassLoader().getResourceAsStream(MARKER)) {
            return in.readAllBytes();
        }
    }

    private static Path jar(Path file, String name, String text, byte[] markerClass) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            if (markerClass != null) {
                zip.putNextEntry(new ZipEntry(MARKER));
                zip.write(markerClass);
            }
        }
        return file;
    }
}
