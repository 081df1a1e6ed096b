package org.cranisotropy.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.numbers.gamma.Erf;
import org.junit.jupiter.api.Test;

class Fermi2010UpperLimitTest {
    @Test
    void limitIsExactlyProportionalToTheMeasuredAmplitude() {
        Fermi2010UpperLimit f = Fermi2010UpperLimit.at95();
        double ratio = f.ulDelta(1.0);
        for (double dm : new double[] {1e-6, 1e-3, 0.0123, 0.5, 1, 2.75, 1e3}) {
            assertEquals(ratio * dm, f.ulDelta(dm), Math.ulp(ratio * dm) * 2, "delta_meas " + dm);
        }
        assertEquals(0.0, f.ulDelta(0.0));
        // sqrt3 / u*, u* the 5 % quantile of the unit Maxwell distribution
        assertEquals(2.9200085, ratio, 1e-7); // scipy: sqrt(3) / maxwell.ppf(0.05)
    }

    @Test
    void probabilityOfTheMeasurementAtTheLimitIsOneMinusCl() {
        for (double cl : new double[] {0.5, 0.9, 0.95, 0.99, 0.999999}) {
            Fermi2010UpperLimit f = Fermi2010UpperLimit.atCl(cl);
            double dm = 0.037;
            double ul = f.ulDelta(dm);
            assertEquals(1 - cl, Fermi2010UpperLimit.probabilityAtMost(dm, ul), 1e-15 * (1 - cl) * 4, "CL " + cl);
            // eq. 2.3 integrated directly
            IterativeLegendreGaussIntegrator quad = new IterativeLegendreGaussIntegrator(16, 1e-14, 1e-300, 2, 64);
            double integral = quad.integrate(1_000_000, x -> x * x * Math.exp(-3 * x * x / (2 * ul * ul)), 0, dm);
            double p = 3 * Math.sqrt(6) / (Math.sqrt(Math.PI) * ul * ul * ul) * integral;
            assertEquals(1 - cl, p, 1e-12 * (1 - cl), "CL " + cl);
        }
    }

    @Test
    void maxwellCdfEqualsTheErfForm() {
        for (double u = 0.05; u < 8; u += 0.05) {
            double erfForm = Erf.value(u / Math.sqrt(2)) - Math.sqrt(2 / Math.PI) * u * Math.exp(-u * u / 2);
            assertEquals(erfForm, Fermi2010UpperLimit.maxwellCdf(u), 1e-15);
        }
    }

    @Test
    void higherClGivesHigherLimit() {
        assertTrue(Fermi2010UpperLimit.atCl(0.99).ulDelta(0.1) > Fermi2010UpperLimit.atCl(0.95).ulDelta(0.1));
        assertEquals(0.95, Fermi2010UpperLimit.at95().cl());
    }

    @Test
    void badInputsAreRejectedWithTheValue() {
        Fermi2010UpperLimit f = Fermi2010UpperLimit.at95();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.ulDelta(-0.1));
        assertTrue(e.getMessage().contains("delta_meas") && e.getMessage().contains("-0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.ulDelta(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> f.ulDelta(Double.POSITIVE_INFINITY));
        for (double cl : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            e = assertThrows(IllegalArgumentException.class, () -> Fermi2010UpperLimit.atCl(cl));
            assertTrue(e.getMessage().contains("CL"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Fermi2010UpperLimit.probabilityAtMost(0.1, 0));
    }
}
