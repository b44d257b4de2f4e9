package dev.mnemos.utm.bench;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The heat map's colours: a model right 80-90% of the time must not look right every time. */
class ReportHtmlColourTest {

    static int hue(String hsl) {
        Matcher m = Pattern.compile("hsl\\((\\d+), ").matcher(hsl);
        assertTrue(m.find(), hsl);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void eightyToNinetyPercentAreVisiblyNotAHundred() {
        assertEquals(120, hue(ReportHtml.colour(1.0)), "green is all right");
        assertTrue(hue(ReportHtml.colour(0.9)) <= 90, "90% is yellow-green at most: " + ReportHtml.colour(0.9));
        assertTrue(hue(ReportHtml.colour(0.8)) <= 70, "80% is yellow: " + ReportHtml.colour(0.8));
        assertTrue(hue(ReportHtml.colour(0.5)) <= 30, "50% is orange-red: " + ReportHtml.colour(0.5));
        assertEquals(0, hue(ReportHtml.colour(0.0)));
    }

    @Test
    void moreRightIsNeverRedder() {
        for (int k = 1; k <= 100; k++) {
            assertTrue(hue(ReportHtml.colour(k / 100.0)) >= hue(ReportHtml.colour((k - 1) / 100.0)), "at " + k + "%");
        }
    }
}
