package dev.mnemos.nam.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    @Test
    void pointsLandInsideThePlotAndTheLegendNamesEachSeries(@TempDir Path dir) throws Exception {
        LineChart chart = LineChart.builder().title("t < u").xLabel("x").yLabel("y").logX().yRange(0, 1)
                .series("first", new double[] {10, 100, 1000}, new double[] {1, 0.5, 0})
                .dashedSeries("second", new double[] {10, 1000}, new double[] {0.2, 0.8})
                .build();
        Path file = dir.resolve("chart.svg");
        chart.write(file);
        String svg = Files.readString(file);

        assertTrue(svg.contains(">t &lt; u</text>"), "the title is escaped");
        assertTrue(svg.contains(">first</text>") && svg.contains(">second</text>"));
        assertEquals(2, svg.split("<polyline").length - 1);
        assertEquals(1, svg.split("stroke-dasharray=\"6 4\" points").length - 1, "one dashed line");
        // y = 1 is the top edge of the plot (y = 50 px), y = 0 the bottom (390 px)
        assertTrue(svg.contains("cy=\"50.0\""));
        assertTrue(svg.contains("cy=\"390.0\""));
        assertEquals(List.of(), List.of(dir.toFile().list((d, n) -> n.endsWith(".tmp"))), "no temporary file left");
    }

    @Test
    void logAxesRefuseNonPositiveValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.builder().logY().series("s", new double[] {1, 2}, new double[] {1, 0}));
        assertEquals("series 's' point (2.0, 0.0) cannot go on a logarithmic axis", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LineChart.builder().series("s", new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalStateException.class, () -> LineChart.builder().build());
    }

    @Test
    void aLineHiddenUnderAnotherSaysSoInTheLegend() {
        double[] xs = {10, 100, 1000};
        String svg = LineChart.builder().title("t").xLabel("x").yLabel("y").logX().yRange(0, 1)
                .series("sum", xs, new double[] {1, 0.5, 0.2})
                .series("delta", xs, new double[] {1, 0.5, 0.2})
                .series("other", xs, new double[] {1, 0.4, 0.1})
                .build().svg();
        assertTrue(svg.contains(">sum (hidden under delta: the same values)</text>"), svg);
        assertTrue(svg.contains(">delta</text>") && svg.contains(">other</text>"), "lines drawn last, or apart, get no note");
    }

    @Test
    void aLongTitleIsWrappedInsideTheChart() {
        String title = "NAM capacity: recall@1 vs stored pairs (all-MiniLM-L6-v2 embeddings of generated texts, d = 384, centred)";
        String svg = LineChart.builder().title(title).xLabel("x").yLabel("y").yRange(0, 1)
                .series("a", new double[] {1, 2}, new double[] {0, 1}).build().svg();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("font-size=\"16\" text-anchor=\"middle\">([^<]*)</text>").matcher(svg);
        List<String> lines = new java.util.ArrayList<>();
        while (m.find()) lines.add(m.group(1));
        assertTrue(lines.size() >= 2, "wrapped: " + lines);
        assertEquals(title, String.join(" ", lines));
        for (String line : lines) {
            // at 16 px a sans-serif character is at most about 0.6 em wide on average
            assertTrue(line.length() * 16 * 0.6 <= 760 - 40, "fits in the 760 px chart: " + line);
        }
        assertTrue(!svg.contains("cy=\"50.0\""), "the plot moves down under a two-line title");
    }

    @Test
    void aLongLegendEntryIsWrappedInsideTheChart() {
        double[] xs = {10, 100, 1000};
        String svg = LineChart.builder().title("t").xLabel("x").yLabel("y").logX().yRange(0, 1)
                .series("NAM, sum writing (p_e = 0), queries at cosine 0.8 with their key", xs, new double[] {1, 1, 1})
                .series("exact nearest neighbour, queries at cosine 0.8 with their key", xs, new double[] {1, 1, 1})
                .build().svg();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text x=\"(\\d+)\" y=\"(\\d+)\">([^<]*)</text>").matcher(svg);
        List<String> lines = new java.util.ArrayList<>();
        int lowest = 0;
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            // at 13 px a sans-serif character is at most about 0.6 em wide on average
            assertTrue(x + m.group(3).length() * 13 * 0.6 <= 760 - 10, "fits in the 760 px chart: " + m.group(3));
            lines.add(m.group(3));
            lowest = Math.max(lowest, Integer.parseInt(m.group(2)));
        }
        assertTrue(lines.size() >= 3, "the hidden line's entry is wrapped: " + lines);
        assertEquals("NAM, sum writing (p_e = 0), queries at cosine 0.8 with their key (hidden under exact nearest "
                + "neighbour, queries at cosine 0.8 with their key: the same values)", String.join(" ", lines.subList(0, lines.size() - 1)));
        java.util.regex.Matcher height = java.util.regex.Pattern.compile("height=\"(\\d+)\"").matcher(svg);
        assertTrue(height.find());
        assertTrue(lowest + 5 <= Integer.parseInt(height.group(1)), "the last legend line is inside the chart");
    }
}
