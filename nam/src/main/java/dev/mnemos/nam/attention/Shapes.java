package dev.mnemos.nam.attention;

/** Checks that Q, K and V fit together and names the first row that does not. */
record Shapes(int dk, int dv) {

    static Shapes check(float[][] queries, float[][] keys, float[][] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + values.length + " values");
        }
        if (keys.length == 0 || queries.length == 0) {
            throw new IllegalArgumentException("attention needs at least one key and one query");
        }
        int dk = keys[0].length;
        int dv = values[0].length;
        if (dk == 0 || dv == 0) {
            throw new IllegalArgumentException("keys and values need at least one dimension");
        }
        requireWidth(keys, dk, "key");
        requireWidth(queries, dk, "query");
        requireWidth(values, dv, "value");
        return new Shapes(dk, dv);
    }

    private static void requireWidth(float[][] rows, int width, String name) {
        for (int t = 0; t < rows.length; t++) {
            if (rows[t].length != width) {
                throw new IllegalArgumentException(name + " " + t + " has " + rows[t].length
                        + " values, expected " + width);
            }
        }
    }
}
