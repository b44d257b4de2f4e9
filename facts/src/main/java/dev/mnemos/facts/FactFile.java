package dev.mnemos.facts;

import dev.mnemos.facts.matrix.LeastSquares;
import dev.mnemos.facts.matrix.Lift;
import dev.mnemos.nam.memory.TextEncoder;
import dev.mnemos.nam.store.NamFile;
import dev.mnemos.nam.store.Payload;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@link FactMemory} in a nam file of kind "fact-memory" (the container of every nam memory:
 * magic, version, kind, payload, CRC-32, written atomically): its settings, time, the matrix and
 * its inverse Gram matrix, and the values. The address directions are regenerated from the seed.
 * Every size is checked against the bytes left before anything of that size is allocated.
 */
final class FactFile {

    static final String KIND = "fact-memory";

    private FactFile() {
    }

    static void save(Path file, FactMemory memory) throws IOException {
        FactMemory.Settings s = memory.settings;
        Payload.Writer w = new Payload.Writer().putInt(s.slots()).putDouble(s.threshold()).putDouble(s.ridge())
                .putLong(s.seed()).putString(s.reading().name()).putInt(s.settle()).putDouble(s.recency())
                .putDouble(s.minConfidence()).putDoubles(s.centre() == null ? new double[0] : s.centre());
        w.putInt(memory.dimension).putLong(memory.clock).putLong(memory.live);
        if (memory.matrix != null) {
            w.putDoubles(memory.matrix.inverse()).putDoubles(memory.matrix.matrix());
        }
        w.putInt(memory.valueTexts.size());
        for (int i = 0; i < memory.valueTexts.size(); i++) {
            w.putString(memory.valueTexts.get(i)).putDoubles(memory.valueVectors.get(i));
        }
        NamFile.write(file, KIND, w.bytes());
    }

    static FactMemory load(Path file, TextEncoder encoder) throws IOException {
        Payload.Reader r = new Payload.Reader(file, NamFile.read(file, KIND));
        FactMemory memory = new FactMemory(encoder, settings(r));
        int d = r.getInt();
        memory.clock = r.getLong();
        memory.live = r.getLong();
        if (d < 0 || memory.clock < 0 || memory.live < 0 || memory.live > memory.clock) {
            throw r.bad("dimension " + d + ", " + memory.clock + " writes and " + memory.live + " facts do not go together");
        }
        if (d > 0) {
            matrix(r, memory, d);
        }
        int values = r.count(r.getInt(), 1, "values");
        for (int i = 0; i < values; i++) {
            String text = r.getString();
            double[] v = r.getDoubles();
            if (text == null || text.isBlank() || v.length != d) {
                throw r.bad("value " + i + " is blank or has " + v.length + " values, expected " + d);
            }
            memory.remember(text, v);
        }
        r.end();
        return memory;
    }

    private static FactMemory.Settings settings(Payload.Reader r) throws IOException {
        int slots = r.getInt();
        double threshold = r.getDouble();
        double ridge = r.getDouble();
        long seed = r.getLong();
        String reading = r.getString();
        int settle = r.getInt();
        double recency = r.getDouble();
        double minConfidence = r.getDouble();
        double[] centre = r.getDoubles();
        if (reading == null) {
            throw r.bad("bad settings (no reading)");
        }
        try {
            FactMemory.Builder b = FactMemory.builder().slots(slots).threshold(threshold).ridge(ridge).seed(seed)
                    .reading(Reading.valueOf(reading)).settle(settle).recency(recency).minConfidence(minConfidence);
            if (centre.length > 0) {
                float[] mean = new float[centre.length];
                for (int i = 0; i < mean.length; i++) {
                    mean[i] = (float) centre[i];
                }
                b.centre(mean);
            }
            return b.settings();
        } catch (IllegalArgumentException e) {
            throw r.bad("bad settings (" + e.getMessage() + ")");
        }
    }

    private static void matrix(Payload.Reader r, FactMemory memory, int d) throws IOException {
        int slots = memory.settings.slots();
        long width = 2L * d + FactMemory.TIME_DIMS;
        long doubles = (long) slots * slots + slots * width;
        if (doubles > r.remaining() / Double.BYTES) {
            throw r.bad("a memory of " + slots + " slots and dimension " + d + " has " + doubles
                    + " values, more than the " + r.remaining() + " bytes left hold");
        }
        double[] inverse = r.getDoubles();
        double[] matrix = r.getDoubles();
        try {
            memory.matrix = LeastSquares.restore(slots, (int) width, memory.settings.ridge(), inverse, matrix);
        } catch (IllegalArgumentException e) {
            throw r.bad(e.getMessage());
        }
        if (memory.settings.centre() != null && memory.settings.centre().length != d) {
            throw r.bad("centre has " + memory.settings.centre().length + " values, the memory's dimension " + d);
        }
        memory.dimension = d;
        memory.lift = new Lift(d, slots, memory.settings.threshold(), memory.settings.seed());
    }
}
