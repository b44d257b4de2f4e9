package dev.mnemos.cli.local;

import dev.mnemos.runtime.model.Answer;
import dev.mnemos.runtime.model.ModelException;
import dev.mnemos.runtime.model.Processor;
import dev.mnemos.runtime.model.ProcessorConfig;
import dev.mnemos.runtime.model.ProcessorProvider;
import dev.mnemos.utm.prompt.PromptFiles;
import dev.mnemos.utm.reference.ReferenceProcessor;

import java.lang.reflect.Field;

/**
 * A test backend, {@code crash}: answers U15,2's prompts from the reference table, and after
 * {@code $CRASH_AFTER} calls faults in native code (a write to address 0 through sun.misc.Unsafe),
 * as a crash inside llama.cpp would take the JVM down: no finally block, no shutdown hook runs.
 */
public final class CrashingProvider implements ProcessorProvider {

    @Override
    public String name() {
        return "crash";
    }

    @Override
    public Processor create(ProcessorConfig config) {
        ReferenceProcessor reference = new ReferenceProcessor(PromptFiles.u152());
        String after = System.getenv("CRASH_AFTER");
        long limit = after == null ? Long.MAX_VALUE : Long.parseLong(after);
        return new Processor() {
            private long calls;

            @Override
            public Answer process(String prompt) throws ModelException {
                if (++calls > limit) crash();
                return reference.process(prompt);
            }

            @Override
            public String fingerprint() {
                return "crash|" + config.fingerprint();
            }
        };
    }

    private static void crash() {
        try {
            Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Object unsafe = f.get(null);
            unsafe.getClass().getMethod("putAddress", long.class, long.class).invoke(unsafe, 0L, 0L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
