package dev.mnemos.poem.graph;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link FloatDot} on SIMD lanes: four fused multiply-add chains of the widest species the CPU has. */
final class VectorDot extends FloatDot {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Override
    float dot(float[] a, float[] b) {
        int n = a.length;
        int lanes = S.length();
        FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
        int i = 0;
        for (; i + 4 * lanes <= n; i += 4 * lanes) {
            s0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), s0);
            s1 = FloatVector.fromArray(S, a, i + lanes).fma(FloatVector.fromArray(S, b, i + lanes), s1);
            s2 = FloatVector.fromArray(S, a, i + 2 * lanes).fma(FloatVector.fromArray(S, b, i + 2 * lanes), s2);
            s3 = FloatVector.fromArray(S, a, i + 3 * lanes).fma(FloatVector.fromArray(S, b, i + 3 * lanes), s3);
        }
        for (; i + lanes <= n; i += lanes) s0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), s0);
        float sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    @Override
    String name() {
        return "vector (" + S.length() + " lanes)";
    }
}
