package dev.mnemos.nam.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingChartTest {

    private static final String HEADER =
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\",\"Param: length\"";

    @Test
    void drawsOneLinePerBenchmarkMethod() {
        String svg = ScalingChart.fromJmhCsv(List.of(HEADER,
                "\"dev.mnemos.bench.nam.AttentionBenchmark.nam\",\"avgt\",1,3,250.0,10.0,\"us/op\",1024",
                "\"dev.mnemos.bench.nam.AttentionBenchmark.nam\",\"avgt\",1,3,1000.0,10.0,\"us/op\",4096",
                "\"dev.mnemos.bench.nam.AttentionBenchmark.softmax\",\"avgt\",1,3,30.0,1.0,\"ms/op\",1024",
                "\"dev.mnemos.bench.nam.AttentionBenchmark.softmax\",\"avgt\",1,3,480.0,1.0,\"ms/op\",4096")).svg();
        assertEquals(2, svg.split("<polyline").length - 1);
        assertTrue(svg.contains("NAM attention"));
        assertTrue(svg.contains("softmax attention"));
    }

    @Test
    void aCsvWithoutTheLengthParameterIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScalingChart.fromJmhCsv(List.of("\"Benchmark\",\"Score\",\"Unit\"")));
        assertTrue(e.getMessage().startsWith("the JMH CSV has no column 'Param: length'"), e.getMessage());
    }
    @Test
    void aCutOffOrGarbledRowIsNamedByItsLine() {
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class, () -> ScalingChart.fromJmhCsv(List.of(HEADER,
                "\"dev.mnemos.bench.nam.AttentionBenchmark.nam\",\"avgt\",1,3,250.0,10.0,\"us/op\",1024",
                "\"dev.mnemos.bench.nam.AttentionBenchmark.nam\",\"avgt\",1,3,1000.0")));
        assertEquals("line 3 of the JMH CSV has 5 fields, the header 8", cut.getMessage());

        IllegalArgumentException garbled = assertThrows(IllegalArgumentException.class, () -> ScalingChart.fromJmhCsv(List.of(HEADER,
                "\"dev.mnemos.bench.nam.AttentionBenchmark.nam\",\"avgt\",1,3,fast,10.0,\"us/op\",1024")));
        assertEquals("line 2 of the JMH CSV: not a number: 'fast'", garbled.getMessage());
    }
    @Test
    void aCsvWithOnlyItsHeaderIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScalingChart.fromJmhCsv(List.of(HEADER, "")));
        assertEquals("the JMH CSV has no results, only its header", e.getMessage());
    }
}
