package dev.mnemos.nam.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writing and reading the fields of a payload: ints, longs, doubles, floats, strings and arrays. */
public final class Payload {

    private Payload() {
    }

    /** Builds a payload in memory. */
    public static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        public Writer putInt(int v) {
            return run(() -> out.writeInt(v));
        }

        public Writer putLong(long v) {
            return run(() -> out.writeLong(v));
        }

        public Writer putDouble(double v) {
            return run(() -> out.writeDouble(v));
        }

        public Writer putFloat(float v) {
            return run(() -> out.writeFloat(v));
        }

        public Writer putString(String s) {
            return run(() -> {
                out.writeBoolean(s != null);
                if (s != null) {
                    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
            });
        }

        public Writer putDoubles(double[] a) {
            putInt(a.length);
            for (double v : a) {
                putDouble(v);
            }
            return this;
        }

        public Writer putFloats(float[] a) {
            putInt(a.length);
            for (float v : a) {
                putFloat(v);
            }
            return this;
        }

        public byte[] bytes() {
            return bytes.toByteArray();
        }

        private Writer run(IoAction a) {
            try {
                a.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Reads a payload; a field that runs past its end or a nonsensical size is a {@link BadFileException}. */
    public static final class Reader {
        private final Path file;
        private final ByteArrayInputStream bytes;
        private final DataInputStream in;

        public Reader(Path file, byte[] payload) {
            this.file = file;
            this.bytes = new ByteArrayInputStream(payload);
            this.in = new DataInputStream(bytes);
        }

        public int getInt() throws IOException {
            try {
                return in.readInt();
            } catch (EOFException e) {
                throw bad("payload ends early");
            }
        }

        public long getLong() throws IOException {
            try {
                return in.readLong();
            } catch (EOFException e) {
                throw bad("payload ends early");
            }
        }

        public double getDouble() throws IOException {
            try {
                return in.readDouble();
            } catch (EOFException e) {
                throw bad("payload ends early");
            }
        }

        public float getFloat() throws IOException {
            try {
                return in.readFloat();
            } catch (EOFException e) {
                throw bad("payload ends early");
            }
        }

        public String getString() throws IOException {
            try {
                if (!in.readBoolean()) {
                    return null;
                }
                byte[] b = new byte[length(1)];
                in.readFully(b);
                return new String(b, java.nio.charset.StandardCharsets.UTF_8);
            } catch (EOFException e) {
                throw bad("payload ends early");
            }
        }

        public double[] getDoubles() throws IOException {
            double[] a = new double[length(Double.BYTES)];
            for (int i = 0; i < a.length; i++) {
                a[i] = getDouble();
            }
            return a;
        }

        public float[] getFloats() throws IOException {
            float[] a = new float[length(Float.BYTES)];
            for (int i = 0; i < a.length; i++) {
                a[i] = getFloat();
            }
            return a;
        }

        /** Bytes not read yet. */
        public int remaining() {
            return bytes.available();
        }

        /**
         * {@code n} if {@code n} items of at least {@code bytesEach} bytes each fit in what is left of
         * the payload; else a {@link BadFileException} naming {@code what}. Check a count with this
         * before allocating anything of its size.
         */
        public int count(int n, int bytesEach, String what) throws BadFileException {
            if (n < 0 || (long) n * bytesEach > remaining()) {
                throw bad(what + " = " + n + ", more than the " + remaining() + " bytes left in the file hold");
            }
            return n;
        }

        /** Fails unless every byte was read. */
        public void end() throws IOException {
            if (remaining() > 0) {
                throw bad(remaining() + " bytes left over after the last field");
            }
        }

        public BadFileException bad(String problem) {
            return new BadFileException(file, problem);
        }

        private int length(int elementBytes) throws IOException {
            int n = getInt();
            if (n < 0 || (long) n * elementBytes > remaining()) {
                throw bad("a field claims " + n + " elements, more than the file holds");
            }
            return n;
        }
    }
}
