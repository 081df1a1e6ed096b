package org.cranisotropy.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** The two-break spectrum: its density, CDF, quantile and exact sampling. */
class DoubleBrokenPowerLawTest {
    /** A hardening at 300 GeV and a softening at 1 TeV. */
    static final DoubleBrokenPowerLaw HARDENING = new DoubleBrokenPowerLaw(3.1, 2.8, 3.8, 300, 0.1, 1000, 0.1, 50,
            20000);

    @Test
    void densityIsTheFormulaAndContainsTheSingleBreak() {
        DoubleBrokenPowerLaw d = HARDENING;
        for (double e : new double[] {50, 120, 300, 475.5, 1000, 3000, 19999}) {
            double f = Math.pow(e / 300, -3.1) * Math.pow(1 + Math.pow(e / 300, 10), (3.1 - 2.8) * 0.1)
                    * Math.pow(1 + Math.pow(e / 1000, 10), -(3.8 - 2.8) * 0.1);
            assertEquals(f, d.density(e), 1e-12 * f, "density at " + e);
        }
        // gamma3 = gamma2: the single-break spectrum (same normalisation at the first break)
        BrokenPowerLaw single = new BrokenPowerLaw(2.9, 3.7, 700, 0.2, 50, 20000);
        DoubleBrokenPowerLaw same = DoubleBrokenPowerLaw.of(single, 5000, 0.3);
        for (double e : new double[] {50, 700, 5000, 19999}) {
            assertEquals(single.density(e), same.density(e), 1e-12 * single.density(e), "at " + e);
        }
    }

    @Test
    void cdfOfAPowerLawIsTheClosedFormAndQuantileInvertsIt() {
        double g = 2.7;
        DoubleBrokenPowerLaw p = new DoubleBrokenPowerLaw(g, g, g, 300, 0.1, 1000, 0.2, 50, 20000);
        for (double e : new double[] {50, 80, 300, 1000, 7000, 20000}) {
            double expected = (Math.pow(50, 1 - g) - Math.pow(e, 1 - g)) / (Math.pow(50, 1 - g) - Math.pow(20000, 1 - g));
            assertEquals(expected, p.cdf(e), 1e-10, "CDF at " + e);
        }
        for (double q : new double[] {0, 1e-6, 0.3, 0.9, 0.999, 1}) {
            assertEquals(q, HARDENING.cdf(HARDENING.quantile(q)), 1e-9, "CDF(quantile(" + q + "))");
        }
    }

    /** Draws fall below quantile(q) a fraction q of the time (binomial, 4 sigma), on both sides of the breaks. */
    @Test
    void samplesFollowTheCdf() {
        UniformRandomProvider r = RandomStreams.stream(11, 0);
        int n = 200_000;
        double[] q = {0.1, 0.5, 0.9, 0.99, 0.999, 0.9999};
        double[] at = new double[q.length];
        for (int k = 0; k < q.length; k++) {
            at[k] = HARDENING.quantile(q[k]);
        }
        assertTrue(at[4] > 300 && at[5] > 1000, "the quantiles reach the breaks: " + at[4] + ", " + at[5]);
        long[] below = new long[q.length];
        for (int i = 0; i < n; i++) {
            double e = HARDENING.sample(r);
            assertTrue(e >= 50 && e <= 20000, "in range: " + e);
            for (int k = 0; k < q.length; k++) {
                if (e < at[k]) {
                    below[k]++;
                }
            }
        }
        for (int k = 0; k < q.length; k++) {
            double sigma = Math.sqrt(n * q[k] * (1 - q[k]));
            assertEquals(n * q[k], below[k], 4 * sigma, "draws below the " + q[k] + " quantile");
        }
    }

    @Test
    void metadataFormReadsBackAndBadParametersAreRefused() {
        assertEquals(HARDENING, FluxSpectrum.parse(HARDENING.toCsv()));
        BrokenPowerLaw single = new BrokenPowerLaw(3.1, 4.0, 1000, 0.2, 50, 20000);
        assertEquals(single, FluxSpectrum.parse(single.toCsv()));
        assertThrows(IllegalArgumentException.class, () -> FluxSpectrum.parse("1,2,3"));
        assertThrows(IllegalArgumentException.class,
                () -> new DoubleBrokenPowerLaw(3.1, 2.8, 3.8, 1000, 0.1, 300, 0.1, 50, 20000));
        assertThrows(IllegalArgumentException.class,
                () -> new DoubleBrokenPowerLaw(3.1, 2.8, 3.8, 300, 0, 1000, 0.1, 50, 20000));
    }
}
