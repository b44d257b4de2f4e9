package dev.mnemos.runtime.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The builder owns the settings' bounds: a value out of them is refused naming the setting, its rule and the value. */
class ProcessorConfigTest {

    @Test
    void aSettingOutOfItsBoundsIsRefusedNamingIt() {
        assertRefused(ProcessorConfig.TEMPERATURE, "must be between 0 and 2", 2.5, b -> b.temperature(2.5));
        assertRefused(ProcessorConfig.TEMPERATURE, "must be between 0 and 2", Double.NaN, b -> b.temperature(Double.NaN));
        assertRefused(ProcessorConfig.MAX_TOKENS, "must be positive", 0, b -> b.maxTokens(0));
        assertRefused(ProcessorConfig.TIMEOUT, "must be positive", Duration.ZERO, b -> b.timeout(Duration.ZERO));
        assertRefused(ProcessorConfig.RETRIES, "must be 0 or more", -1, b -> b.retries(-1));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> ProcessorConfig.builder().maxTokens(-3));
        assertEquals("max tokens must be positive, got -3", e.getMessage());
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        ProcessorConfig c = ProcessorConfig.builder().temperature(2).maxTokens(1).retries(0).timeout(Duration.ofMillis(1)).build();
        assertEquals(2.0, c.temperature());
        assertEquals(1, c.maxTokens());
        assertEquals(0, c.retries());
    }

    private static void assertRefused(String setting, String rule, Object value, Consumer<ProcessorConfig.Builder> bad) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> bad.accept(ProcessorConfig.builder()));
        assertEquals(setting, e.setting());
        assertEquals(rule, e.rule());
        assertEquals(value, e.value());
        assertEquals(setting + " " + rule + ", got " + value, e.getMessage());
    }
}
