package dev.mnemos.runtime.trace;

import dev.mnemos.runtime.memory.Memory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TraceReplayTest {

    @TempDir
    Path dir;

    @Test
    void aLineThatIsNotJsonIsNamedByItsLineAndColumnNotItsByte() throws Exception {
        String first = "{\"step\":0,\"changes\":{}}\n";
        Path trace = Files.writeString(dir.resolve("run.jsonl"), first + "{\"step\":1,\"changes\":{}}\n{\"step\":2 \"changes\"\n");
        long third = first.length() * 2L;
        IOException e = assertThrows(IOException.class, () -> TraceReplay.replay(trace, third, 2, new Memory()));
        assertEquals(trace + ":3:11: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries", e.getMessage());
    }
}
