package dev.mnemos.nam.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps data values to [0, 1] along one axis and chooses round tick values. */
record Axis(double min, double max, boolean log) {

    static Axis of(List<LineChart.Series> series, boolean horizontal, boolean log, double fixedMin, double fixedMax) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LineChart.Series s : series) {
            for (double v : horizontal ? s.xs() : s.ys()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!Double.isNaN(fixedMin)) {
            lo = fixedMin;
            hi = fixedMax;
        } else if (log) {
            double pad = Math.pow(hi / lo, 0.04);
            lo = lo / pad;
            hi = hi * pad;
        } else {
            double step = step(lo, hi);
            lo = Math.floor(lo / step) * step;
            hi = Math.ceil(hi / step) * step;
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        return new Axis(lo, hi, log);
    }

    double fraction(double v) {
        return log ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (v - min) / (max - min);
    }

    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        if (log) {
            double decades = Math.log10(max / min);
            double[] mantissas = decades > 4 ? new double[] {1} : new double[] {1, 2, 5};
            for (double p = Math.pow(10, Math.floor(Math.log10(min))); p <= max * 1.0001; p *= 10) {
                for (double m : mantissas) {
                    double t = p * m;
                    if (t >= min * 0.9999 && t <= max * 1.0001) {
                        out.add(t);
                    }
                }
            }
        } else {
            double step = step(min, max);
            for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
                out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
            }
        }
        return out;
    }

    static String label(double v) {
        if (v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        if (v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
    }

    private static double step(double lo, double hi) {
        double range = hi - lo;
        if (range <= 0) {
            return 1;
        }
        double raw = range / 5;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
