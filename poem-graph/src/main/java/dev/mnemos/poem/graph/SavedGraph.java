package dev.mnemos.poem.graph;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * A memory's graph index as a file keeps it, so that loading a large memory does not build the
 * graph again (its bytes are the {@link dev.mnemos.poem.memory.SavedIndex} a memory's snapshot holds).
 *
 * <p>It holds, for each graph node, the number of the state it stands for, states being numbered
 * in the order they first appear in the snapshot's episodes (as the memory file numbers them), or
 * -1 for a removed state that the graph keeps as a waypoint, whose vector it then holds too; and
 * the graph itself in JVector's serialised form (its {@code OnHeapGraphIndex} format, version 4).
 */
final class SavedGraph {

    final int dimension;
    final int degree;
    final int buildBeam;
    final int[] stateOfNode;
    final float[][] removed;
    final byte[] graph;

    SavedGraph(int dimension, int degree, int buildBeam, int[] stateOfNode, float[][] removed, byte[] graph) {
        this.dimension = dimension;
        this.degree = degree;
        this.buildBeam = buildBeam;
        this.stateOfNode = stateOfNode;
        this.removed = removed;
        this.graph = graph;
    }

    /** Graph nodes, removed states included. */
    public int nodes() {
        return stateOfNode.length;
    }

    /** What {@link #write} writes, as the index file keeps it. */
    byte[] bytes() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            write(out);
        }
        return bytes.toByteArray();
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(dimension);
        out.writeInt(degree);
        out.writeInt(buildBeam);
        out.writeInt(stateOfNode.length);
        for (int s : stateOfNode) out.writeInt(s);
        out.writeInt(removed.length);
        for (float[] v : removed) for (float x : v) out.writeFloat(x);
        out.writeInt(graph.length);
        out.write(graph);
    }

    /**
     * Reads what {@link #write} wrote. Every count is checked against the bytes left before
     * anything is allocated, so a damaged buffer gives an {@link IOException}, not a huge array.
     */
    public static SavedGraph read(ByteBuffer in) throws IOException {
        try {
            int dimension = positive(in.getInt(), "dimension");
            int degree = positive(in.getInt(), "degree");
            int buildBeam = positive(in.getInt(), "build beam");
            int[] stateOfNode = new int[count(in, 4L)];
            for (int i = 0; i < stateOfNode.length; i++) stateOfNode[i] = in.getInt();
            float[][] removed = new float[count(in, 4L * dimension)][dimension];
            for (float[] v : removed) for (int i = 0; i < dimension; i++) v[i] = in.getFloat();
            byte[] graph = new byte[count(in, 1L)];
            in.get(graph);
            if (in.hasRemaining()) throw new IOException(in.remaining() + " bytes after the graph");
            return new SavedGraph(dimension, degree, buildBeam, stateOfNode, removed, graph);
        } catch (BufferUnderflowException e) {
            throw new IOException("it ends early");
        }
    }

    private static int positive(int value, String what) throws IOException {
        if (value < 1) throw new IOException(what + " " + value);
        return value;
    }

    private static int count(ByteBuffer in, long bytesEach) throws IOException {
        int n = in.getInt();
        if (n < 0 || n * bytesEach > in.remaining()) throw new IOException("count " + n + " exceeds the bytes left");
        return n;
    }
}
