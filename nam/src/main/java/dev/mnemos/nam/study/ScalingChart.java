package dev.mnemos.nam.study;

import dev.mnemos.nam.chart.LineChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attention scaling chart: milliseconds per call against sequence length, log-log, one line
 * per benchmark method, read from a JMH CSV result file whose benchmarks have a {@code length}
 * parameter.
 */
public final class ScalingChart {

    private ScalingChart() {
    }

    public static LineChart fromJmhCsv(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the JMH CSV is empty");
        }
        List<String> header = fields(lines.get(0));
        int name = column(header, "Benchmark");
        int score = column(header, "Score");
        int unit = column(header, "Unit");
        int length = column(header, "Param: length");
        Map<String, TreeMap<Integer, Double>> series = new TreeMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line);
            if (f.size() < header.size()) {
                throw new IllegalArgumentException("line " + (n + 1) + " of the JMH CSV has " + f.size() + " fields, the header "
                        + header.size());
            }
            String method = f.get(name).substring(f.get(name).lastIndexOf('.') + 1);
            double ms = number(f.get(score), n) * toMillis(f.get(unit));
            series.computeIfAbsent(method, k -> new TreeMap<>()).put((int) number(f.get(length), n), ms);
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("the JMH CSV has no results, only its header");
        }
        LineChart.Builder chart = LineChart.builder()
                .title("Attention at d = 64: time per call vs sequence length (JMH, one thread)")
                .xLabel("sequence length S (log scale)").yLabel("milliseconds per call (log scale)").logX().logY();
        for (Map.Entry<String, TreeMap<Integer, Double>> e : series.entrySet()) {
            double[] xs = e.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] ys = e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
            chart.series(label(e.getKey()), xs, ys);
        }
        return chart.build();
    }

    private static double number(String field, int index) {
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + (index + 1) + " of the JMH CSV: not a number: '" + field + "'");
        }
    }

    private static String label(String method) {
        return switch (method) {
            case "nam" -> "NAM attention (V^T mu(K)) mu(Q): linear in S";
            case "softmax" -> "softmax attention: quadratic in S";
            default -> method;
        };
    }

    private static double toMillis(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-6;
            case "us/op" -> 1e-3;
            case "ms/op" -> 1;
            case "s/op" -> 1e3;
            default -> throw new IllegalArgumentException("unit '" + unit + "' is not a time per operation; run JMH with -bm avgt");
        };
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("the JMH CSV has no column '" + name + "' (columns: " + header + ")");
        }
        return i;
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
