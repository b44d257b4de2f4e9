package dev.mnemos.poem.graph;

import io.github.jbellis.jvector.disk.RandomAccessReader;

import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/** JVector's reader over bytes already in memory (a saved graph, checked before it is read), big-endian as DataOutput wrote them. */
final class BytesReader implements RandomAccessReader {

    private final ByteBuffer bytes;

    BytesReader(byte[] bytes) {
        this.bytes = ByteBuffer.wrap(bytes);
    }

    @Override public void seek(long offset) throws IOException {
        if (offset < 0 || offset > bytes.limit()) throw new EOFException("offset " + offset + " of " + bytes.limit());
        bytes.position((int) offset);
    }

    @Override public long getPosition() { return bytes.position(); }

    @Override public int readInt() throws IOException { return underflow(() -> bytes.getInt()); }

    @Override public float readFloat() throws IOException { return underflow(() -> bytes.getFloat()); }

    @Override public long readLong() throws IOException { return underflow(() -> bytes.getLong()); }

    @Override public void readFully(byte[] out) throws IOException { underflow(() -> bytes.get(out)); }

    @Override public void readFully(ByteBuffer out) throws IOException {
        underflow(() -> {
            ByteBuffer slice = bytes.slice();
            slice.limit(out.remaining());
            out.put(slice);
            return bytes.position(bytes.position() + slice.limit());
        });
    }

    @Override public void readFully(long[] out) throws IOException { underflow(() -> bytes.asLongBuffer().get(out)); bytes.position(bytes.position() + 8 * out.length); }

    @Override public void read(int[] out, int offset, int count) throws IOException {
        underflow(() -> bytes.asIntBuffer().get(out, offset, count));
        bytes.position(bytes.position() + 4 * count);
    }

    @Override public void read(float[] out, int offset, int count) throws IOException {
        underflow(() -> bytes.asFloatBuffer().get(out, offset, count));
        bytes.position(bytes.position() + 4 * count);
    }

    @Override public void close() {}

    @Override public long length() { return bytes.limit(); }

    private interface Read<T> { T get(); }

    private static <T> T underflow(Read<T> read) throws IOException {
        try {
            return read.get();
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new EOFException("the saved graph ends early");
        }
    }
}
