package dev.mnemos.bench.nam;

import org.openjdk.jmh.annotations.Fork;

/** {@link WriteReadBenchmark} on the scalar fallback (no incubator module, plain Java loops). */
@Fork(value = 1, jvmArgsAppend = "-Dmnemos.nam.kernel=scalar")
public class ScalarWriteReadBenchmark extends WriteReadBenchmark {

    @Override
    protected String expectedKernel() {
        return "scalar";
    }
}
