package org.cranisotropy.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** The Neyman limit by hand, and its coverage on a model with a known distribution. */
class NeymanBeltTest {
    @Test
    void interpolatesBetweenLadderPointsAndStatesItsEnds() {
        NeymanBelt b = new NeymanBelt(new double[] {0, 0.1, 0.2, 0.4}, new double[] {0.01, 0.05, 0.15, 0.30});
        assertEquals(0, b.ul(0.005), 0); // below the isotropic 5 % point: every amplitude but 0 excluded
        assertEquals(0.05, b.ul(0.03), 1e-15); // halfway between q(0) = 0.01 and q(0.1) = 0.05
        assertEquals(0.1, b.ul(0.05), 1e-15);
        assertEquals(0.3, b.ul(0.225), 1e-15);
        assertEquals(0.4, b.ul(0.30), 0);
        assertEquals(LimitMethod.PHYSICAL_BOUND, b.ul(0.31), 0); // above the ladder: no constraint from it
        assertTrue(Double.isNaN(b.ul(Double.NaN)));
        // a quantile that falls with the amplitude (noise) is made non-decreasing first
        NeymanBelt flat = new NeymanBelt(new double[] {0, 0.1, 0.2}, new double[] {0.02, 0.01, 0.1});
        assertEquals(0.1, flat.ul(0.02), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new NeymanBelt(new double[] {0, 0}, new double[] {1, 2}));
    }

    /**
     * Measured amplitude |a + noise| of a 3-d Gaussian (a Rice-like law): belts from 500 skies per amplitude
     * with the tolerance bound, then the coverage of fresh skies at every ladder amplitude is >= 95 %
     * within binomial error, and about 95 % (not far above: the limit is not needlessly conservative).
     */
    @Test
    void coversAtEveryLadderAmplitude() {
        double[] ladder = {0, 0.5, 1, 1.5, 2, 3, 4, 6};
        UniformRandomProvider rng = RandomStreams.stream(5, 1);
        double[] q = new double[ladder.length];
        for (int j = 0; j < ladder.length; j++) {
            double[] d = new double[500];
            for (int i = 0; i < d.length; i++) {
                d[i] = measured(rng, ladder[j]);
            }
            q[j] = ValidationSummary.lowerBound(d, 0.05);
        }
        NeymanBelt belt = new NeymanBelt(ladder, q);
        for (double a : ladder) {
            int covered = 0;
            int n = 4000;
            for (int i = 0; i < n; i++) {
                covered += belt.ul(measured(rng, a)) >= a ? 1 : 0;
            }
            double c = covered / (double) n;
            assertTrue(c >= 0.95 - 3 * Math.sqrt(0.05 * 0.95 / n), "coverage " + c + " at " + a);
            // (at 0 every limit covers: a limit is never negative)
            assertTrue(a == 0 || c <= 0.985, "coverage " + c + " at " + a + " (needlessly conservative)");
        }
    }

    private static double measured(UniformRandomProvider rng, double a) {
        double x = a + gauss(rng);
        double y = gauss(rng);
        double z = gauss(rng);
        return Math.sqrt(x * x + y * y + z * z);
    }

    private static double gauss(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
