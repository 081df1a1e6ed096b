package org.cranisotropy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DiffusionCoefficientTest {

    /** Values from src/test/python/diffusion_coefficient_points.py (seed 001 eq. 4.1 with its parameters). */
    @Test
    void equalsEquation41AtHandComputedPoints() {
        DiffusionCoefficient d = DiffusionCoefficient.SEED_001;
        assertEquals(1.2992363841082805e28, d.at(4.0), 1e-12 * 1.3e28);
        assertEquals(1.5092949231761242e29, d.at(300.0), 1e-12 * 1.5e29);
        assertEquals(2.4884153180735098e29, d.at(1000.0), 1e-12 * 2.5e29);
        // at Rb the break factor is exactly 2^-s
        assertEquals(1.3e28 * Math.pow(75.0, 0.6) * Math.pow(2.0, -0.2), d.at(300.0), 1e-12 * 1.5e29);
    }

    @Test
    void slopesFarFromTheBreak() {
        DiffusionCoefficient d = DiffusionCoefficient.SEED_001;
        double lowSlope = Math.log(d.at(1e-2) / d.at(1e-3)) / Math.log(10.0);
        double highSlope = Math.log(d.at(1e9) / d.at(1e8)) / Math.log(10.0);
        assertEquals(0.6, lowSlope, 1e-6);
        assertEquals(0.33, highSlope, 1e-6);
    }

    @Test
    void constantIsConstant() {
        DiffusionCoefficient d = DiffusionCoefficient.constant(3e28);
        for (double r : new double[] {0.1, 1.0, 1e3, 1e6}) {
            assertEquals(3e28, d.at(r), 1e-15 * 3e28);
        }
    }

    @Test
    void rejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new DiffusionCoefficient(-1, 4, 300, 0.6, 0.33, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new DiffusionCoefficient(1e28, 4, 300, 0.6, 0.33, 0));
        assertThrows(IllegalArgumentException.class, () -> DiffusionCoefficient.SEED_001.at(-5));
    }
}
