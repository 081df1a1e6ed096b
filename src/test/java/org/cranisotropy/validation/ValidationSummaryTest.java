package org.cranisotropy.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reductions of the validation table on outcomes small enough to count by hand. */
class ValidationSummaryTest {
    private static SkyOutcome sky(double amplitude, double delta, double p, double globalP, double ulFermi) {
        double[][] limits = new double[LimitMethod.values().length][1];
        limits[LimitMethod.FERMI2010.ordinal()][0] = ulFermi;
        limits[LimitMethod.LR.ordinal()][0] = Double.NaN;
        // the measured dipole 10 deg from the injected (l, b) = (0, 0)
        return new SkyOutcome(amplitude, 0, 0, new double[] {delta}, new double[] {10},
                new double[] {p}, limits, globalP);
    }

    @Test
    void coverageRecoveryPowerAndCalibrationAsCounted() {
        List<ValidationSummary.Selection> sel = List.of(new ValidationSummary.Selection("standard", 100, Double.NaN,
                Double.NaN));
        List<SkyOutcome> zero = new ArrayList<>();
        List<SkyOutcome> signal = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            zero.add(sky(0, 0.01 * (i + 1), 0.2 * (i + 1), 0.2 * (i + 1), 0.03 * (i + 1)));
            // limits 0.1, 0.2, 0.3, 0.4 against a true 0.25: two of four cover
            signal.add(sky(0.25, 0.2 + 0.02 * i, i == 0 ? 0.001 : 0.5, i < 2 ? 0.002 : 0.9, 0.1 * (i + 1)));
        }
        List<ValidationSummary.Row> rows = ValidationSummary.summarise(sel, "random", new double[] {0, 0.25},
                List.of(zero, signal));
        ValidationSummary.Row f0 = rows.stream().filter(r -> r.deltaTrue() == 0 && r.method().equals("ul_delta_fermi2010"))
                .findFirst().orElseThrow();
        ValidationSummary.Row f1 = rows.stream().filter(r -> r.deltaTrue() == 0.25
                && r.method().equals("ul_delta_fermi2010")).findFirst().orElseThrow();
        assertEquals(1.0, f0.coverage(), 0);
        assertEquals(0.5, f1.coverage(), 0);
        assertEquals(Math.sqrt(0.25 / 4), f1.coverageErr(), 1e-15);
        assertEquals(0.23, f1.deltaMean(), 1e-15);
        assertEquals(0.23, f1.deltaMedian(), 1e-15);
        assertEquals(Math.sqrt((0.03 * 0.03 + 0.01 * 0.01) * 2 / 4), f1.deltaRms(), 1e-15);
        assertEquals(10, f1.angle68Deg(), 1e-9);
        assertEquals(0.25, f1.powerLocal(), 0);
        assertEquals(0.5, f1.powerGlobal(), 0);
        assertTrue(Double.isNaN(f0.angle68Deg())); // no direction at amplitude 0
        // the expected limit at amplitude 0: the median of 0.03, 0.06, 0.09, 0.12
        assertEquals(0.075, f0.ulQuantiles()[2], 1e-15);
        // p = 0.2, 0.4, 0.6, 0.8: KS distance 0.2, none at or below 0.05
        assertEquals(0.2, f0.ksLocal(), 1e-15);
        assertEquals(0, f0.localBelow005(), 0);
        // no method needing C_N on a threshold; Neyman rows exist (ladder starts at 0)
        assertTrue(rows.stream().noneMatch(r -> r.method().equals("ul_delta_lr")));
        assertTrue(rows.stream().anyMatch(r -> r.method().equals(ValidationSummary.NEYMAN)));
    }

    @Test
    void theBeltPointIsALowerToleranceBound() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 999 - i; // 0 .. 999 in reverse
        }
        // the largest k with P(Binomial(1000, 0.05) >= k) >= 0.9 is 41 (scipy: binom.sf(40, 1000, .05) = 0.919,
        // binom.sf(41, 1000, .05) = 0.894): the 41st smallest value; with 44 values no k qualifies
        // (binom.sf(0, 44, .05) = 0.895), with 45 the smallest (0.9006)
        assertEquals(40, ValidationSummary.lowerBound(v, 0.05), 0);
        assertEquals(Double.NEGATIVE_INFINITY, ValidationSummary.lowerBound(new double[44], 0.05), 0);
        double[] ramp = new double[45];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i + 1;
        }
        assertEquals(1, ValidationSummary.lowerBound(ramp, 0.05), 0);
    }
}
