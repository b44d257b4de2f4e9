package dev.mnemos.nam.chart;

import dev.mnemos.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart written as SVG by hand: lines with markers, linear or logarithmic axes,
 * a legend under the plot. Enough for the figures in nam's README; no plotting library.
 *
 * <pre>{@code
 * LineChart.builder().title("Recall").xLabel("pairs").yLabel("recall@1").logX()
 *         .series("NAM", xs, ys).build().write(Path.of("nam/docs/capacity.svg"));
 * }</pre>
 */
public final class LineChart {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int WIDTH = 760;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int PLOT_HEIGHT = 340;
    /** Characters of a title line: at 16 px, about 0.6 em a character, 72 fit in the chart's width with room. */
    private static final int TITLE_CHARS = 72;
    private static final int TITLE_LINE = 20;
    /** Characters of a legend line: at 13 px, 80 fit between the legend's sample line and the right edge. */
    private static final int LEGEND_CHARS = 80;
    private static final int LEGEND_LINE = 17;
    private static final int LEGEND_GAP = 5;

    private final Builder b;

    private LineChart(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The chart as an SVG document. */
    public String svg() {
        Axis x = Axis.of(b.series, true, b.logX, b.xMin, b.xMax);
        Axis y = Axis.of(b.series, false, b.logY, b.yMin, b.yMax);
        List<String> title = wrap(b.title, TITLE_CHARS);
        int top = TOP + TITLE_LINE * Math.max(0, title.size() - 1);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int legendTop = top + PLOT_HEIGHT + 55;
        List<List<String>> legend = legend(x, y, plotWidth);
        int height = legendTop + 10;
        for (List<String> entry : legend) {
            height += LEGEND_LINE * entry.size() + LEGEND_GAP;
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"13\">%n", WIDTH, height, WIDTH, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        for (int i = 0; i < title.size(); i++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"16\" text-anchor=\"middle\">%s</text>%n",
                    WIDTH / 2, 28 + TITLE_LINE * i, escape(title.get(i))));
        }
        axes(s, x, y, top, plotWidth);
        int ly = legendTop;
        for (int k = 0; k < b.series.size(); k++) {
            Series series = b.series.get(k);
            String colour = COLOURS[(series.colour() >= 0 ? series.colour() : k) % COLOURS.length];
            StringBuilder points = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < series.xs.length; i++) {
                double px = LEFT + x.fraction(series.xs[i]) * plotWidth;
                double py = top + PLOT_HEIGHT - y.fraction(series.ys[i]) * PLOT_HEIGHT;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                marks.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", px, py, colour));
            }
            s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                    colour, series.dashed ? " stroke-dasharray=\"6 4\"" : "",
                    points.toString().strip()));
            s.append(marks);
            line(s, LEFT, ly - 4, LEFT + 30, ly - 4, colour, series.dashed);
            for (String text : legend.get(k)) {
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + 40, ly, escape(text)));
                ly += LEGEND_LINE;
            }
            ly += LEGEND_GAP;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** Each series' legend entry, wrapped into lines; a line hidden under a later one says so. */
    private List<List<String>> legend(Axis x, Axis y, int plotWidth) {
        List<List<String>> entries = new ArrayList<>();
        for (int k = 0; k < b.series.size(); k++) {
            String name = b.series.get(k).name;
            String hiddenUnder = hiddenUnder(k, x, y, plotWidth);
            entries.add(wrap(hiddenUnder == null ? name : name + " (hidden under " + hiddenUnder + ": the same values)",
                    LEGEND_CHARS));
        }
        return entries;
    }

    /** The grid, tick labels, frame and axis labels of a plot whose top edge is at {@code top}. */
    private void axes(StringBuilder s, Axis x, Axis y, int top, int plotWidth) {
        for (double t : x.ticks()) {
            double px = LEFT + x.fraction(t) * plotWidth;
            line(s, px, top, px, top + PLOT_HEIGHT, "#e5e5e5");
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    px, top + PLOT_HEIGHT + 18, Axis.label(t)));
        }
        for (double t : y.ticks()) {
            double py = top + PLOT_HEIGHT - y.fraction(t) * PLOT_HEIGHT;
            line(s, LEFT, py, LEFT + plotWidth, py, "#e5e5e5");
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, py + 4, Axis.label(t)));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
                LEFT, top, plotWidth, PLOT_HEIGHT));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotWidth / 2, top + PLOT_HEIGHT + 40, escape(b.xLabel)));
        s.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">%s</text>%n",
                top + PLOT_HEIGHT / 2, top + PLOT_HEIGHT / 2, escape(b.yLabel)));
    }

    /**
     * The name of a series drawn after series {@code k} whose every point is within a pixel of
     * k's, so that it covers k's line entirely; null when k stays visible.
     */
    private String hiddenUnder(int k, Axis x, Axis y, int plotWidth) {
        Series under = b.series.get(k);
        for (int j = b.series.size() - 1; j > k; j--) {
            Series over = b.series.get(j);
            if (over.xs.length != under.xs.length) continue;
            boolean covered = true;
            for (int i = 0; i < under.xs.length && covered; i++) {
                covered = Math.abs(x.fraction(over.xs[i]) - x.fraction(under.xs[i])) * plotWidth < 1
                        && Math.abs(y.fraction(over.ys[i]) - y.fraction(under.ys[i])) * PLOT_HEIGHT < 1;
            }
            if (covered) return over.name;
        }
        return null;
    }

    /** {@code text} cut at spaces into lines of at most {@code width} characters (a longer word stays whole). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Writes the SVG to {@code file}, atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, svg().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder s, double x1, double y1, double x2, double y2, String colour) {
        line(s, x1, y1, x2, y2, colour, false);
    }

    private static void line(StringBuilder s, double x1, double y1, double x2, double y2, String colour, boolean dashed) {
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s/>%n",
                x1, y1, x2, y2, colour, colour.equals("#e5e5e5") ? "1" : "2", dashed ? " stroke-dasharray=\"6 4\"" : ""));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    record Series(String name, double[] xs, double[] ys, boolean dashed, int colour) {
    }

    public static final class Builder {
        private String title = "";
        private String xLabel = "";
        private String yLabel = "";
        private boolean logX;
        private boolean logY;
        private double xMin = Double.NaN;
        private double xMax = Double.NaN;
        private double yMin = Double.NaN;
        private double yMax = Double.NaN;
        private final List<Series> series = new ArrayList<>();

        private Builder() {
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder xLabel(String label) {
            this.xLabel = label;
            return this;
        }

        public Builder yLabel(String label) {
            this.yLabel = label;
            return this;
        }

        public Builder logX() {
            this.logX = true;
            return this;
        }

        public Builder logY() {
            this.logY = true;
            return this;
        }

        /** Fixes the y axis range instead of fitting it to the data. */
        public Builder yRange(double min, double max) {
            this.yMin = min;
            this.yMax = max;
            return this;
        }

        public Builder series(String name, double[] xs, double[] ys) {
            return series(name, xs, ys, false, -1);
        }

        public Builder dashedSeries(String name, double[] xs, double[] ys) {
            return series(name, xs, ys, true, -1);
        }

        /**
         * A series drawn in the given colour of the palette (0 to 5; -1 for the next one in turn),
         * solid or dashed: several series can share a colour and differ by dashes.
         */
        public Builder series(String name, double[] xs, double[] ys, boolean dashed, int colour) {
            if (xs.length != ys.length || xs.length == 0) {
                throw new IllegalArgumentException("series '" + name + "' has " + xs.length + " x values and "
                        + ys.length + " y values; need the same non-zero number");
            }
            for (int i = 0; i < xs.length; i++) {
                if ((logX && !(xs[i] > 0)) || (logY && !(ys[i] > 0))) {
                    throw new IllegalArgumentException("series '" + name + "' point (" + xs[i] + ", " + ys[i]
                            + ") cannot go on a logarithmic axis");
                }
            }
            series.add(new Series(name, xs.clone(), ys.clone(), dashed, colour));
            return this;
        }

        public LineChart build() {
            if (series.isEmpty()) {
                throw new IllegalStateException("a chart needs at least one series");
            }
            return new LineChart(this);
        }
    }
}
