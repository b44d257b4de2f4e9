package dev.mnemos.poem.arch;

import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.memory.ApproximateIndex;
import dev.mnemos.poem.memory.EpisodicMemory;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * mnemos-poem is the core an application takes for FewShotChatModel, FewShot, Poem, training and a
 * memory file read by exact scan: what it brings (its runtime class path as Maven resolves it, in
 * target/runtime-classpath.txt) holds no graph index, no database driver, no NAM and no LangChain4j
 * HTTP client or model integration. Those come with mnemos-poem-graph, mnemos-poem-postgres,
 * mnemos-poem-nam and the application's chosen model.
 */
class CoreDependenciesTest {

    static List<String> runtimeClassPath() throws Exception {
        return List.of(Files.readString(Path.of("target/runtime-classpath.txt")).strip().split(File.pathSeparator));
    }

    @Test
    void theCoresDependencyTreeHasNoGraphDatabaseNamOrHttpClient() throws Exception {
        List<String> path = runtimeClassPath();
        assertTrue(path.stream().anyMatch(e -> e.contains("langchain4j-core")), "the class path was read: " + path);
        for (String unwanted : List.of("/io/github/jbellis/jvector/", "/org/postgresql/", "/mnemos-nam", "/nam/target/",
                "/mnemos-poem-graph", "/mnemos-poem-postgres", "/mnemos-poem-nam", "langchain4j-http-client", "langchain4j-open-ai",
                "langchain4j-ollama", "/dev/langchain4j/langchain4j/")) {
            assertEquals(List.of(), path.stream().filter(e -> e.contains(unwanted)).toList(), unwanted + " is in the core's dependency tree");
        }
    }

    @Test
    void withNoGraphOnTheClassPathAMemoryPastExactUpToScansExactly() throws Exception {
        assertNull(ApproximateIndex.Provider.found(), "the core's own tests run without mnemos-poem-graph");
        EpisodicMemory memory = EpisodicMemory.builder().dimension(2).exactUpTo(1).build();
        for (int i = 0; i < 8; i++) {
            double angle = i * Math.PI / 8;
            memory.write(new float[] {(float) Math.cos(angle), (float) Math.sin(angle)}, Permutation.of(2, 1), i);
        }
        assertEquals(8, memory.states());
        assertEquals(0.0, memory.nearest(new float[] {1, 0.01f}, 1).get(0).state()[1], 1e-6, "the exact nearest");
        assertTrue(memory.snapshot().graph().isEmpty(), "no graph, so nothing to save beside a file");
    }
}
