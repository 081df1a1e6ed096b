package org.cranisotropy.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bands from gathered sample rows, without Spark: however the rows are split, the same bands. */
class BandReductionTest {
    /** Column blocks ({@link BandReduction#COLUMNS}) of one grid threshold (60 GeV, corrected) for samples. */
    private static double[][] rows(double... deltas) {
        double[][] c = new double[BandReduction.COLUMNS.length][deltas.length];
        for (int i = 0; i < deltas.length; i++) {
            c[0][i] = 60.0;
            c[1][i] = Double.NaN;
            c[2][i] = Double.NaN;
            c[3][i] = 1.0;
            c[4][i] = deltas[i];
            c[5][i] = deltas[i] * deltas[i];
            c[6][i] = 2.0 * deltas[i];
            c[7][i] = 3.0 * deltas[i];
            c[8][i] = 4.0;
            c[9][i] = deltas[i] > 0 ? 100 : 0; // a sample without events there is left out
        }
        return c;
    }

    @Test
    void bandsAreTheSameHoweverTheSamplesAreSplit() {
        BandReduction.Gathering all = new BandReduction.Gathering();
        all.add("grid", rows(5, 1, 4, 2, 3, 0));
        BandReduction.Gathering a = new BandReduction.Gathering();
        a.add("grid", rows(4, 0, 2));
        BandReduction.Gathering b = new BandReduction.Gathering();
        b.add("grid", rows(3, 5));
        b.add("grid", rows(1));
        List<BandReduction.Row> one = BandReduction.reduce(List.of(all));
        List<BandReduction.Row> split = BandReduction.reduce(List.of(b, a));
        assertEquals(1, one.size());
        BandReduction.Row r = one.get(0);
        assertEquals(new BandReduction.Key("grid", 60.0, null, null, true), r.key());
        assertEquals(5, r.nSamples());
        // delta: the values 1..5, mean 3, median 3; C2/C0 = 2 delta / 4
        assertEquals(3.0, r.bands().get(0).mean(), 0.0);
        assertEquals(3.0, r.bands().get(0).percentiles()[2], 0.0);
        assertEquals(1.5, r.bands().get(4).mean(), 1e-15);
        assertArrayEquals(r.tableValues(), split.get(0).tableValues());
        assertEquals(6 + 6 * BandReduction.QUANTITIES.length, r.tableValues().length);
    }
}
