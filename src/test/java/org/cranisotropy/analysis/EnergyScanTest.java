package org.cranisotropy.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.EventGenerator;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.harmonics.Alm;
import org.cranisotropy.harmonics.HarmonicAnalysis;
import org.cranisotropy.harmonics.PowerSpectrum;
import org.cranisotropy.sky.GalacticFrame;
import org.cranisotropy.sky.HealpixMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data step on events drawn from a closed-form exposure (an equatorial band, strongly
 * quadrupolar): the incremental scan equals a from-scratch analysis of the weighted map, an injected
 * dipole is recovered, and the exposure's quadrupole disappears with the correction (ICRC 2019 section 5).
 */
class EnergyScanTest {
    static final int NSIDE = 64;
    static ExposureCube cube;
    static LowMultipoles ylm;

    @BeforeAll
    static void setUp() {
        cube = SyntheticExposure.equatorialBand(NSIDE, 2.0);
        ylm = new LowMultipoles(NSIDE);
    }

    static PreparedSample sample(int n, double dipole, long seed) {
        EventGenerator.Events ev = new EventGenerator(cube, new BrokenPowerLaw(3.1, 4.0, 1000, 0.2, 50, 20000), dipole,
                263.9, -3.3, 57308, 60675).generate(n, seed);
        EventSample s = new EventSample(ev.energyGev(), ev.lDeg(), ev.bDeg(), ev.eventClass());
        return PreparedSample.of(s, "generated", cube, ClassSelection.calet2025());
    }

    @Test
    void incrementalScanEqualsFromScratchAnalysisOfTheWeightedMap() {
        PreparedSample s = sample(20_000, 0.0, 1);
        EnergyScan scan = new EnergyScan(ylm, s);
        double[] thresholds = {60, 125, 300, 1000};
        List<ThresholdRow> rows = scan.thresholds("grid", thresholds, false);
        for (ThresholdRow r : rows) {
            double[] map = new double[12 * NSIDE * NSIDE];
            int n = 0;
            double meanSum = 0;
            for (int i = 0; i < s.size() && s.energyGev(i) >= r.thresholdGev(); i++, n++) {
                meanSum += s.meanExposure(i);
            }
            for (int i = 0; i < n; i++) {
                map[s.pixel(i)] += r.corrected() ? (meanSum / n) / s.exposureAtEvent(i) : 1.0;
            }
            Alm alm = HarmonicAnalysis.alm(HealpixMap.ofRing(NSIDE, map), 3, 0);
            PowerSpectrum cl = alm.powerSpectrum();
            assertEquals(n, r.m().nEvents());
            double[] got = {r.m().c0(), r.m().c1(), r.m().c2(), r.m().c3()};
            for (int l = 0; l <= 3; l++) {
                assertEquals(cl.cl(l), got[l], 1e-12 * cl.cl(l), "threshold " + r.thresholdGev() + " C_" + l);
            }
            assertEquals(cl.dipoleAmplitude(), r.m().delta(), 1e-12 * r.m().delta());
        }
        // the every-event scan passes through the same selections
        List<ThresholdRow> every = scan.everyEvent();
        ThresholdRow last = every.get(every.size() - 2);
        assertEquals(s.size(), last.m().nEvents());
        assertEquals(s.energyGev(s.size() - 1), last.thresholdGev());
    }

    @Test
    void injectedDipoleIsRecoveredWithCorrection() {
        PreparedSample s = sample(300_000, 0.1, 7);
        ThresholdRow all = new EnergyScan(ylm, s).thresholds("grid", new double[] {s.energyGev(s.size() - 1)}, false).get(0);
        assertTrue(all.corrected());
        // statistical error of delta for N events ~ sqrt(3 / N) ~ 0.004 at N ~ 2e5 (before weighting)
        assertEquals(0.1, all.m().delta(), 0.02, "delta");
        double sep = separation(all.m().dipoleLDeg(), all.m().dipoleBDeg(), 263.9, -3.3);
        assertTrue(sep < 10, "dipole direction off by " + sep + " deg");
    }

    @Test
    void exposureQuadrupoleDisappearsWithCorrection() {
        PreparedSample s = sample(100_000, 0.0, 11);
        List<ThresholdRow> rows = new EnergyScan(ylm, s).thresholds("grid", new double[] {50}, true);
        MultipoleMeasurement corrected = rows.get(0).m();
        MultipoleMeasurement raw = rows.get(1).m();
        double c2Corrected = 4 * Math.PI * corrected.c2() / corrected.c0();
        double c2Raw = 4 * Math.PI * raw.c2() / raw.c0();
        // isotropic expectation of relative-intensity C2 ~ C_N ~ 4 pi / N ~ 1.3e-4
        assertTrue(c2Raw > 50 * c2Corrected, "raw " + c2Raw + " corrected " + c2Corrected);
        assertTrue(c2Corrected < 5 * corrected.cn(), "corrected C2 " + c2Corrected + " vs C_N " + corrected.cn());
        assertEquals(4 * Math.PI / raw.nEvents(), raw.cn(), 1e-12 * raw.cn());
    }

    @Test
    void thresholdAboveEveryEventIsAnError() {
        PreparedSample s = sample(2_000, 0.0, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EnergyScan(ylm, s).thresholds("standard", new double[] {1e6}, false));
        assertTrue(e.getMessage().contains("above every selected event"), e.getMessage());
    }

    /** Sums over classes run in enum order whatever order the rule was given in (same bits in every JVM). */
    @Test
    void selectionRulesIterateClassesInEnumOrder() {
        ClassSelection.Rule r = new ClassSelection.Rule(0, 1, java.util.Set.of(org.cranisotropy.exposure.EventClass.D,
                org.cranisotropy.exposure.EventClass.A, org.cranisotropy.exposure.EventClass.C));
        assertEquals(List.of(org.cranisotropy.exposure.EventClass.A, org.cranisotropy.exposure.EventClass.C,
                org.cranisotropy.exposure.EventClass.D), List.copyOf(r.classes()));
    }

    static double separation(double l1, double b1, double l2, double b2) {
        double[] a = GalacticFrame.unitVector(l1, b1);
        double[] b = GalacticFrame.unitVector(l2, b2);
        return Math.toDegrees(Math.acos(Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])));
    }
}
