package dev.mnemos.cli;

import dev.mnemos.runtime.model.Style;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackendOptionsTest {

    @Test
    void goodOptionsMakeTheirConfig() {
        BackendOptions o = new BackendOptions();
        o.model = "llama2";
        o.style = "chat";
        o.stop.add("\\n");
        assertEquals(Style.CHAT, o.toConfig().style());
        assertEquals("\n", o.toConfig().stop().get(0));
    }

    @Test
    void everyBadValueIsAUsageFailureNamingIt() {
        assertUsage("--style must be completion or chat, not 'prose'", o -> o.style = "prose");
        assertUsage("--timeout must be positive, got -1.0", o -> o.timeoutSeconds = -1);
        assertUsage("--timeout must be positive, got 1.0E-4", o -> o.timeoutSeconds = 0.0001); // under a millisecond: none
        assertUsage("--temperature must be between 0 and 2, got NaN", o -> o.temperature = Double.NaN);
        assertUsage("--temperature must be between 0 and 2, got 5.0", o -> o.temperature = 5);
        assertUsage("--max-tokens must be positive, got 0", o -> o.maxTokens = 0);
        assertUsage("--retries must be 0 or more, got -1", o -> o.retries = -1);
        assertUsage("--context must be positive, got 0", o -> o.context = 0);
        assertUsage("--threads must be positive, got -2", o -> o.threads = -2);
    }

    @Test
    void aModelFileIsForTheLocalBackendOnly() {
        BackendOptions o = new BackendOptions();
        o.modelFile("models/my.gguf");
        assertEquals("local", o.toConfig().backend());
        o.backend = "local";
        assertEquals("models/my.gguf", o.toConfig().model());
        o.backend = "ollama";
        Cli.Failure f = assertThrows(Cli.Failure.class, o::toConfig);
        assertEquals(ExitCode.USAGE, f.exitCode());
        assertEquals("--model-file runs a GGUF file in-process (the local backend), not on --backend ollama: give that backend --model NAME",
                f.getMessage());
    }

    private static void assertUsage(String message, java.util.function.Consumer<BackendOptions> bad) {
        BackendOptions o = new BackendOptions();
        o.model = "llama2";
        bad.accept(o);
        Cli.Failure f = assertThrows(Cli.Failure.class, o::toConfig);
        assertEquals(ExitCode.USAGE, f.exitCode());
        assertEquals(message, f.getMessage());
    }
}
