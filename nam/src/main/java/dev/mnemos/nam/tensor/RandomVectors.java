package dev.mnemos.nam.tensor;

import dev.mnemos.vectors.Vectors;
import java.util.Random;

/** Random test data: unit vectors uniform on the sphere and orthonormal sets. */
public final class RandomVectors {

    private RandomVectors() {
    }

    /** A vector of {@code d} independent standard normal values. */
    public static float[] gaussian(Random random, int d) {
        float[] x = new float[d];
        for (int j = 0; j < d; j++) {
            x[j] = (float) random.nextGaussian();
        }
        return x;
    }

    /** A unit vector drawn uniformly from the sphere in {@code d} dimensions. */
    public static float[] unit(Random random, int d) {
        return Vectors.unit(gaussian(random, d));
    }

    /** {@code n} random unit vectors of {@code d} dimensions. */
    public static float[][] units(Random random, int n, int d) {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = unit(random, d);
        }
        return out;
    }

    /** {@code n <= d} random orthonormal vectors (Gram-Schmidt in double precision). */
    public static float[][] orthonormal(Random random, int n, int d) {
        if (n > d) {
            throw new IllegalArgumentException("cannot draw " + n + " orthonormal vectors in " + d
                    + " dimensions");
        }
        double[][] basis = new double[n][];
        float[][] out = new float[n][d];
        for (int i = 0; i < n; i++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = random.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int b = 0; b < i; b++) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += x[j] * basis[b][j];
                    }
                    for (int j = 0; j < d; j++) {
                        x[j] -= dot * basis[b][j];
                    }
                }
            }
            double norm = 0;
            for (double xj : x) {
                norm += xj * xj;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < d; j++) {
                x[j] /= norm;
                out[i][j] = (float) x[j];
            }
            basis[i] = x;
        }
        return out;
    }
}
