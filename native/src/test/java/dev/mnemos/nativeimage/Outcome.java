package dev.mnemos.nativeimage;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one utm-run did: its exit code, standard output and error, and every file in the directory it
 * ran in afterwards, by name: contents and mode ({@code rw-r--r--}). Text is read byte for byte
 * (ISO-8859-1: one char a byte), so two equal outcomes are equal to the byte.
 */
record Outcome(int code, String out, String err, SortedMap<String, String> files, SortedMap<String, String> modes) {

    private static final String NUMBER = "\\d+\\.\\d+(?:E-?\\d+)?";
    /** The summary line's wall time: "(… 0 cache hits, 0.02 s), head at cell 0". */
    static final Pattern SUMMARY_SECONDS = Pattern.compile("( cache hits?, )\\d+\\.\\d\\d( s\\), head at cell \\d)");
    /** --json's wall time: {@code "seconds":0.115535916,"error":}. */
    static final Pattern JSON_SECONDS = Pattern.compile("(\"seconds\":)" + NUMBER + "(,\"error\":)");
    /** A trace line's model call time: {@code "latencyMs":0.004557,"inputTokens":}. */
    static final Pattern TRACE_LATENCY = Pattern.compile("(\"latencyMs\":)" + NUMBER + "(,\"inputTokens\":)");

    /**
     * This outcome with its wall times, the only part two runs of the same command do not share,
     * each written {@code T}: the summary's seconds on standard error, --json's on standard output,
     * the trace's latencies in the files. Nothing else changes.
     */
    Outcome withoutWallTimes() {
        SortedMap<String, String> timeless = new TreeMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) timeless.put(file.getKey(), replace(TRACE_LATENCY, file.getValue()));
        return new Outcome(code, replace(JSON_SECONDS, out), replace(SUMMARY_SECONDS, err), timeless, modes);
    }

    private static String replace(Pattern wallTime, String text) {
        return wallTime.matcher(text).replaceAll("$1T$2");
    }
}
