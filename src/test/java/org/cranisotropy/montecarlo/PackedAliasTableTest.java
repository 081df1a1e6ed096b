package org.cranisotropy.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cranisotropy.random.RandomStreams;
import org.junit.jupiter.api.Test;

class PackedAliasTableTest {
    /** The probabilities implied by the packed table equal the normalised weights to the 2^-48 quantisation. */
    @Test
    void impliedProbabilitiesAreTheNormalisedWeights() {
        for (int n : new int[] {1, 2, 3, 7, 64, 1000, 49152}) {
            double[] w = new double[n];
            UniformRandomProvider r = RandomStreams.stream(5, n);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = i % 5 == 3 ? 0.0 : Math.pow(r.nextDouble(), 3) * (1 + i % 11);
                sum += w[i];
            }
            if (sum == 0) {
                w[0] = 1;
                sum = 1;
            }
            double[] p = PackedAliasTable.of(w).probabilities();
            assertEquals(n, p.length);
            for (int i = 0; i < n; i++) {
                assertEquals(w[i] / sum, p[i], 1e-13, "n=" + n + " pixel " + i);
                if (w[i] == 0) {
                    assertEquals(0.0, p[i], 0.0, "a zero weight is never drawn");
                }
            }
        }
    }

    /** Draws follow the weights: Pearson chi-square of 10^6 draws over 13 cells (two of them empty). */
    @Test
    void drawsFollowTheWeights() {
        double[] w = {3, 0, 1, 7, 0.5, 2, 2, 9, 0, 4, 1e-3, 6, 1};
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        PackedAliasTable t = PackedAliasTable.of(w);
        UniformRandomProvider r = RandomStreams.stream(11, 0);
        int draws = 1_000_000;
        long[] count = new long[w.length];
        for (int i = 0; i < draws; i++) {
            count[t.sample(r.nextLong())]++;
        }
        double chi2 = 0;
        int dof = -1;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) {
                assertEquals(0, count[i], "pixel " + i + " has weight 0");
                continue;
            }
            double e = draws * w[i] / sum;
            chi2 += (count[i] - e) * (count[i] - e) / e;
            dof++;
        }
        double p = ChiSquaredDistribution.of(dof).survivalProbability(chi2);
        assertTrue(p > 1e-4, "chi2 " + chi2 + " for " + dof + " dof, p = " + p);
    }

    /**
     * The keep-or-alias decision is the full 63-bit comparison at the threshold itself, also when the
     * random number's top bits tie with the column's and the low bits (kept in the second array)
     * decide. Weights (1, 2) over 2 columns: column 0 keeps with probability 2/3, i.e. random high
     * field h = r &gt;&gt;&gt; 1 below floor(2/3 * 2^63), and otherwise gives its alias, pixel 1.
     */
    @Test
    void theDecisionAtTheThresholdUsesEveryBit() {
        PackedAliasTable t = PackedAliasTable.of(new double[] {1, 2});
        long thr = (long) Math.floor((2 / 3.0) * 0x1p63);
        for (long h : new long[] {thr - 1, thr - 2, thr - (1L << 31), 0}) {
            assertEquals(0, t.sample(h << 1), "h = thr - " + (thr - h));
        }
        for (long h : new long[] {thr, thr + 1, thr + (1L << 31), Long.MAX_VALUE}) {
            assertEquals(1, t.sample(h << 1), "h = thr + " + (h - thr));
        }
        // column 1 keeps with probability 1
        for (long h : new long[] {0, thr, Long.MAX_VALUE}) {
            assertEquals(1, t.sample(h << 1 | 1));
        }
    }

    @Test
    void rejectsBadWeights() {
        assertThrows(IllegalArgumentException.class, () -> PackedAliasTable.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> PackedAliasTable.of(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> PackedAliasTable.of(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> PackedAliasTable.of(new double[] {1, Double.NaN}));
    }
}
