package dev.mnemos.nam.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped nam/docs/capacity.svg is what its generator ({@code bin/nam capacity --trials 3 --csv
 * nam/docs/capacity.csv --svg nam/docs/capacity.svg}) makes: the chart drawn again from the shipped
 * table is the shipped chart (to a tenth of a pixel), and the table's cheap points measured again
 * are the shipped ones. Under a second.
 */
class ShippedCapacityChartTest {

    static final Path DOCS = Path.of("docs");
    static final String TITLE = "NAM capacity: recall@1 vs stored pairs (random unit vectors, d = 384)";

    @Test
    void theShippedChartIsTheShippedTableDrawn() throws Exception {
        List<CapacityStudy.Row> rows = rows(Files.readString(DOCS.resolve("capacity.csv")));
        assertEquals(24, rows.size(), "12 sizes, 2 query cosines");
        String shipped = Files.readString(DOCS.resolve("capacity.svg"));
        String drawn = CapacityStudy.chart(rows, TITLE).svg();
        // the same document (title, axes, ticks, series, legend) but for the table's rounding to four
        // places, which moves a point by at most a tenth of a pixel
        assertEquals(NUMBER.matcher(shipped).replaceAll("#"), NUMBER.matcher(drawn).replaceAll("#"));
        List<Double> a = numbers(shipped);
        List<Double> b = numbers(drawn);
        for (int i = 0; i < a.size(); i++) assertEquals(a.get(i), b.get(i), 0.1 + 1e-9, "number " + i + " of the chart");
        assertTrue(shipped.contains(">" + TITLE + "<") && shipped.contains(">stored pairs n (log scale)<") && shipped.contains(">recall@1<"), shipped);
        for (String tick : new String[] {"10", "100", "1,000", "2,000"}) assertTrue(shipped.contains(">" + tick + "</text>"), tick);
        assertEquals(6, shipped.split("<polyline").length - 1, "three memories, two query cosines");
    }

    static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    static List<Double> numbers(String svg) {
        return NUMBER.matcher(svg).results().map(m -> Double.parseDouble(m.group())).toList();
    }

    @Test
    void theShippedTablesSmallSizesAreWhatTheStudyMeasures() throws Exception {
        String shipped = Files.readString(DOCS.resolve("capacity.csv"));
        List<CapacityStudy.Row> again = CapacityStudy.builder().sizes(10, 20, 50, 100).trials(3).seed(42).queryCosines(1.0, 0.8).build().run();
        List<String> expected = new ArrayList<>();
        for (String line : shipped.lines().skip(1).toList()) {
            int n = Integer.parseInt(line.substring(0, line.indexOf(',')));
            if (n <= 100) expected.add(line);
        }
        assertEquals(expected, CapacityStudy.csv(again).lines().skip(1).toList());
    }

    /** The rows of a table {@link CapacityStudy#csv} wrote. */
    static List<CapacityStudy.Row> rows(String csv) {
        List<CapacityStudy.Row> rows = new ArrayList<>();
        for (String line : csv.lines().skip(1).toList()) {
            String[] f = line.split(",");
            rows.add(new CapacityStudy.Row(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4])));
        }
        return rows;
    }
}
