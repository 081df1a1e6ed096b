package org.cranisotropy.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** p-values by hand on small cases, and their calibration on exchangeable skies. */
class IsotropicReferenceTest {
    private static final double NAN = Double.NaN;

    @Test
    void localPValuesCountTheSamplesAtLeastAsLargeAndTies() {
        // 4 samples, 2 selections; the second has a sample without events
        IsotropicReference ref = new IsotropicReference(new double[][] {{0.1, 3.0}, {0.2, 3.0 + 1e-15}, {0.3, NAN},
            {0.4, 3.0 - 1e-15}});
        assertEquals((1 + 2) / 5.0, ref.localP(0, 0.25), 0);
        assertEquals((1 + 2) / 5.0, ref.localP(0, 0.3), 0); // 0.3 and 0.4 are >= 0.3
        assertEquals(1 / 5.0, ref.localP(0, 0.5), 0);
        // the three samples with events there all tie with a measured 3 (one event: delta = 3 up to rounding)
        assertEquals((1 + 3) / 4.0, ref.localP(1, 3.0), 0);
        assertTrue(Double.isNaN(ref.localP(1, NAN)));
    }

    @Test
    void theScanStatisticIsTheLargestNormalisedPowerAndRanksTheSkyAmongTheSamples() {
        double[][] d = {{1, 2}, {2, 0}, {3, 2}, {0, 4}};
        IsotropicReference ref = new IsotropicReference(d);
        // mean squares: (1 + 4 + 9 + 0) / 4 = 3.5 and (4 + 0 + 4 + 16) / 4 = 6
        assertEquals(Math.max(1 / 3.5, 4 / 6.0), ref.statistic(d[0]), 1e-15);
        assertEquals(9 / 3.5, ref.statistic(d[2]), 1e-15); // 2.571; sample 3: 16 / 6 = 2.667
        // a sky with T = 2.6 lies between samples 2 and 3: one sample above it
        assertEquals((1 + 1) / 5.0, ref.globalP(new double[] {Math.sqrt(2.6 * 3.5), 0}), 1e-15);
        // a selection without events does not count
        assertEquals((1 + 4) / 5.0, ref.globalP(new double[] {NAN, 0.1}), 1e-15);
    }

    /** Under the null the data is one more sample: its p-values are uniform on {1, ..., N+1} / (N + 1). */
    @Test
    void pValuesAreCalibratedOnExchangeableSkies() {
        UniformRandomProvider rng = RandomStreams.stream(11, 0);
        int n = 999;
        int rows = 30;
        double[][] ref = new double[n][rows];
        for (double[] s : ref) {
            correlated(rng, s);
        }
        IsotropicReference reference = new IsotropicReference(ref);
        int skies = 3000;
        int local05 = 0;
        int global05 = 0;
        int global01 = 0;
        for (int k = 0; k < skies; k++) {
            double[] sky = new double[rows];
            correlated(rng, sky);
            local05 += reference.localP(7, sky[7]) <= 0.05 ? 1 : 0;
            double p = reference.globalP(sky);
            global05 += p <= 0.05 ? 1 : 0;
            global01 += p <= 0.01 ? 1 : 0;
        }
        // binomial: 0.05 +- 0.004, 0.01 +- 0.0018 at 3000 skies (4 sigma allowed; the reference's own draw
        // adds ~ the same again)
        assertEquals(0.05, local05 / (double) skies, 0.022);
        assertEquals(0.05, global05 / (double) skies, 0.022);
        assertEquals(0.01, global01 / (double) skies, 0.01);
    }

    /** A random walk of Maxwell-like amplitudes: neighbouring selections correlated, as thresholds are. */
    private static void correlated(UniformRandomProvider rng, double[] s) {
        double x = 0;
        double y = 0;
        double z = 0;
        for (int r = 0; r < s.length; r++) {
            x = 0.8 * x + 0.6 * gauss(rng);
            y = 0.8 * y + 0.6 * gauss(rng);
            z = 0.8 * z + 0.6 * gauss(rng);
            s[r] = (1 + r % 3) * Math.sqrt(x * x + y * y + z * z);
        }
    }

    private static double gauss(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
