package org.cranisotropy.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.events.EventGenerator;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.exposure.EnergyBinning;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.random.RandomStreams;
import org.cranisotropy.sky.GalacticFrame;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.Ordering;
import org.junit.jupiter.api.Test;

/**
 * The white-noise level as the expectation of c1_rel on an isotropic sky: against the sum over pixels
 * it stands for, against closed forms, and against the mean c1_rel of isotropic skies drawn by the
 * event generator (which knows nothing of the formula), in bins that straddle a change of class
 * selection.
 */
class ExpectedWhiteNoiseTest {
    /**
     * Classes A, B see a band around the equator (1 + 2 cos^2 dec), classes C, D the poles (1 + 6 sin^2 dec),
     * each growing with energy: the selection's normalised exposure changes shape at 475.5 GeV and
     * between bins. With holes, A and B see nothing above dec 70 deg in the lowest two bins only.
     */
    static ExposureCube twoShapes(int nside, boolean holes) {
        EnergyBinning bins = EnergyBinning.logarithmic(50, 20000, 6);
        HealpixGrid grid = new HealpixGrid(nside);
        int npix = (int) grid.npix();
        Map<EventClass, double[][]> maps = new EnumMap<>(EventClass.class);
        for (EventClass c : EventClass.values()) {
            double[][] m = new double[bins.size()][npix];
            for (int k = 0; k < bins.size(); k++) {
                for (int p = 0; p < npix; p++) {
                    double[] a = grid.pix2ang(p, Ordering.RING);
                    double dec = GalacticFrame.toIcrs(Math.toDegrees(a[1]), 90.0 - Math.toDegrees(a[0]))[1];
                    double cd = Math.cos(Math.toRadians(dec));
                    boolean ab = c == EventClass.A || c == EventClass.B;
                    double v = ab ? 1 + 2 * cd * cd : 1 + 6 * (1 - cd * cd);
                    if (holes && ab && k < 2 && dec > 70) {
                        v = 0;
                    }
                    m[k][p] = v * (1 + 0.3 * k) * (ab ? 1 : 0.5 + 0.2 * k);
                }
            }
            maps.put(c, m);
        }
        return new ExposureCube(nside, bins, maps);
    }

    @Test
    void termsAreTheSumOverPixelsOfTheInterpolatedExposure() {
        ExposureCube cube = twoShapes(8, true);
        SelectionExposure sel = new SelectionExposure(cube, ClassSelection.calet2025());
        ExpectedWhiteNoise noise = new ExpectedWhiteNoise(sel);
        UniformRandomProvider rng = RandomStreams.stream(3, 0);
        for (int i = 0; i < 400; i++) {
            double e = 50 * Math.pow(400, rng.nextDouble());
            double h = 0;
            double s = 0;
            int seen = 0;
            for (int p = 0; p < cube.npix(); p++) {
                double a = sel.exposure(e, p);
                s += a;
                if (a > 0) {
                    h += 1 / a;
                    seen++;
                }
            }
            double[] t = noise.terms(e);
            assertEquals(h / s, t[0], 2e-6 * h / s, "h at " + e + " GeV");
            assertEquals(seen / s, t[1], 1e-12 * seen / s, "g at " + e + " GeV");
        }
    }

    /**
     * An exposure uniform over the sky at every energy, A(E): each event's weight 1/A(E_i) is fixed, so C_N
     * = 4 pi sum_i A_i^-2 / (sum_i A_i^-1)^2, which is 4 pi / N when A does not depend on energy either.
     */
    @Test
    void uniformExposureGivesTheClosedForm() {
        for (boolean flat : new boolean[] {true, false}) {
            EnergyBinning bins = EnergyBinning.logarithmic(50, 20000, 4);
            Map<EventClass, double[][]> maps = new EnumMap<>(EventClass.class);
            for (EventClass c : EventClass.values()) {
                double[][] m = new double[bins.size()][768];
                for (int k = 0; k < bins.size(); k++) {
                    java.util.Arrays.fill(m[k], flat ? 2.0 : 2.0 + k);
                }
                maps.put(c, m);
            }
            ExposureCube cube = new ExposureCube(8, bins, maps);
            EventSample ev = AnalysisFixtures.events(cube, 500, 0.0, 5);
            // flat: every class at every energy, so A is one number; else the CALET rules (2 then 4 classes) and
            // a level that grows with energy
            ClassSelection selection = flat ? new ClassSelection(List.of(new ClassSelection.Rule(0, 1e12,
                    java.util.EnumSet.allOf(EventClass.class)))) : ClassSelection.calet2025();
            PreparedSample s = PreparedSample.of(ev, "t", cube, selection);
            EnergyScan scan = new EnergyScan(new LowMultipoles(8), s);
            double w2 = 0;
            double w = 0;
            for (int i = 0; i < s.size(); i++) {
                double a = s.exposureAtEvent(i); // the same at every pixel
                w2 += 1 / (a * a);
                w += 1 / a;
            }
            double expected = flat ? 4 * Math.PI / s.size() : 4 * Math.PI * w2 / (w * w);
            assertEquals(expected, scan.noise(0, s.size(), true), 1e-9 * expected); // the spline in w
        }
        assertEquals(4 * Math.PI / 100, ExpectedWhiteNoise.uncorrected(100), 1e-15);
    }

    /**
     * The mean c1_rel of 400 isotropic skies of 6000 events, each from the generator through the data step,
     * against the mean of their C_N, per bin; the 251-1000 GeV bin straddles the class change at 475.5 GeV.
     */
    @Test
    void equalsTheMeanC1OfIsotropicSkiesAlsoAcrossAClassChange() {
        ExposureCube cube = twoShapes(8, false);
        EventGenerator gen = new EventGenerator(cube, new BrokenPowerLaw(2.6, 3.2, 500, 0.2, 50, 20000), 0.0, 0, 0,
                57308, 60675);
        double[] edges = {50, 100, 251, 1000};
        int skies = 400;
        double[][] c1 = new double[edges.length - 1][skies];
        double[] cnSum = new double[edges.length - 1];
        for (int k = 0; k < skies; k++) {
            EventGenerator.Events e = gen.generate(6000, 1000 + k);
            EventSample ev = new EventSample(e.energyGev(), e.lDeg(), e.bDeg(), e.eventClass());
            PreparedSample s = PreparedSample.of(ev, "t", cube, ClassSelection.calet2025());
            List<BinRow> rows = new EnergyScan(new LowMultipoles(8), s).bins(edges);
            for (BinRow r : rows) {
                if (r.corrected()) {
                    int b = java.util.Arrays.binarySearch(edges, r.eminGev());
                    c1[b][k] = r.m().c1RelativeIntensity();
                    cnSum[b] += r.m().cn();
                }
            }
        }
        for (int b = 0; b < c1.length; b++) {
            double mean = java.util.Arrays.stream(c1[b]).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(c1[b]).map(x -> (x - mean) * (x - mean)).sum() / (skies - 1));
            double cn = cnSum[b] / skies;
            double z = (mean - cn) / (sd / Math.sqrt(skies));
            assertTrue(Math.abs(z) < 3.5, String.format("bin %g-%g GeV: mean c1_rel %.4g, C_N %.4g, %.1f sigma",
                    edges[b], edges[b + 1], mean, cn, z));
        }
    }
}
