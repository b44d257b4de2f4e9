package dev.mnemos.nam.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnemos.nam.tensor.RandomVectors;
import dev.mnemos.vectors.Vectors;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CapacityStudyTest {

    @Test
    void fewPairsAreAllRecalledAndManyOverloadTheMatrix() {
        List<CapacityStudy.Row> rows = CapacityStudy.builder().dimension(32).sizes(3, 400).trials(2).build().run();

        CapacityStudy.Row few = rows.get(0);
        assertEquals(1.0, few.namSum());
        assertEquals(1.0, few.namDelta());
        assertEquals(1.0, few.nearest());
        CapacityStudy.Row many = rows.get(1);
        assertTrue(many.namSum() < 0.5, "sum writing recall at n = 400, d = 32: " + many.namSum());
        assertTrue(many.namDelta() < 0.5, "delta writing recall at n = 400, d = 32: " + many.namDelta());
        assertEquals(1.0, many.nearest(), "queries equal to keys always find their key");
    }

    @Test
    void blurredQueriesSitAtTheAskedCosine() {
        Random random = new Random(9);
        float[] k = RandomVectors.unit(random, 50);
        float[] q = CapacityStudy.blur(k, 0.8, random);
        assertEquals(1f, Vectors.norm(q), 1e-5f);
        assertEquals(0.8f, Vectors.dot(q, k), 1e-5f);
    }

    @Test
    void centringTakesOutTheDirectionAllRowsShare() {
        // rows = common + e_i: cosines of 0.8 between rows before, about 0 after
        int d = 10;
        float[][] rows = new float[4][d];
        for (int i = 0; i < 4; i++) {
            rows[i][9] = 2;
            rows[i][i] = 1;
            Vectors.unit(rows[i], rows[i]);
        }
        assertEquals(0.8f, Vectors.dot(rows[0], rows[1]), 1e-5f);
        float[][] centred = CapacityStudy.centre(rows);
        assertEquals(1f, Vectors.norm(centred[0]), 1e-5f);
        assertEquals(-1f / 3, Vectors.dot(centred[0], centred[1]), 1e-5f);
    }

    @Test
    void csvHasOneLinePerPoint() {
        String csv = CapacityStudy.csv(List.of(new CapacityStudy.Row(10, 1.0, 1.0, 0.9, 1.0)));
        assertEquals("n,query_cosine,nam_sum_pe0,nam_delta_pe1,exact_nearest_neighbour\n10,1.00,1.0000,0.9000,1.0000\n",
                csv.replace("\r\n", "\n"));
    }
}
