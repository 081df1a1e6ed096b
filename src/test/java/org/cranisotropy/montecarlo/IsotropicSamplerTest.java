package org.cranisotropy.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.analysis.BinRow;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.EnergyScan;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.MultipoleMeasurement;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.ThresholdRow;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.Ordering;
import org.cranisotropy.exposure.EnergyBinning;
import org.cranisotropy.exposure.EventClass;
import org.junit.jupiter.api.Test;

class IsotropicSamplerTest {
    static final int NSIDE = 32;

    /**
     * A simulated sample analysed by the sampler's per-event accumulation equals the data step
     * (EnergyScan, which itself equals filling the map and analysing it) run on the same events.
     */
    @Test
    void sampleAnalysisEqualsTheDataStepOnTheSameEvents() {
        ExposureCube cube = AnalysisFixtures.bandExposure(NSIDE);
        EventSample data = AnalysisFixtures.events(cube, 5000, 0.0, 5);
        PreparedSample prepared = PreparedSample.of(data, "data", cube, ClassSelection.calet2025());
        LowMultipoles ylm = new LowMultipoles(NSIDE);
        double[] standard = EnergyScan.logGrid(125, 1000, 4);
        double[] grid = EnergyScan.logGrid(50.5, 1500, 20);
        double[] bins = {50, 100, 251, 562, 5000};
        ScanPlan plan = new ScanPlan(prepared, standard, grid, bins);
        IsotropicSampler sampler = new IsotropicSampler(prepared, ylm, plan);
        int[] pixels = new int[prepared.size()];
        List<SampleMeasurements.Row> rows = new SampleMeasurements(plan).rows(sampler.run(99, 3, pixels));

        // the same simulated events as a data set: pixel centres, the data's energies and classes
        HealpixGrid g = new HealpixGrid(NSIDE);
        double[] e = new double[pixels.length];
        double[] l = new double[pixels.length];
        double[] b = new double[pixels.length];
        org.cranisotropy.exposure.EventClass[] c = new org.cranisotropy.exposure.EventClass[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            double[] a = g.pix2ang(pixels[i], Ordering.RING);
            e[i] = prepared.energyGev(i);
            c[i] = prepared.eventClass(i);
            l[i] = Math.toDegrees(a[1]);
            b[i] = 90.0 - Math.toDegrees(a[0]);
        }
        PreparedSample again = PreparedSample.of(new EventSample(e, l, b, c), "sample", cube, ClassSelection.calet2025());
        EnergyScan scan = new EnergyScan(ylm, again);
        List<ThresholdRow> std = scan.thresholds("standard", standard, false);
        List<ThresholdRow> grd = scan.thresholds("grid", grid, false);
        List<BinRow> bns = scan.bins(bins);
        int checked = 0;
        for (SampleMeasurements.Row r : rows) {
            MultipoleMeasurement ref = null;
            if (r.kind().equals("bin")) {
                for (BinRow x : bns) {
                    if (x.eminGev() == r.eminGev() && x.corrected() == r.corrected()) {
                        ref = x.m();
                    }
                }
            } else {
                for (ThresholdRow x : r.kind().equals("grid") ? grd : std) {
                    if (x.thresholdGev() == r.thresholdGev() && x.corrected() == r.corrected()) {
                        ref = x.m();
                    }
                }
            }
            assertEquals(ref.nEvents(), r.m().nEvents());
            double[] got = {r.m().c0(), r.m().c1(), r.m().c2(), r.m().c3(), r.m().delta()};
            double[] want = {ref.c0(), ref.c1(), ref.c2(), ref.c3(), ref.delta()};
            for (int k = 0; k < got.length; k++) {
                assertEquals(want[k], got[k], 1e-12 * Math.abs(want[0] == 0 ? 1 : want[k == 4 ? 4 : 0]),
                        r.kind() + " " + r.thresholdGev() + " corrected " + r.corrected() + " quantity " + k);
            }
            checked++;
        }
        assertEquals(2 * (standard.length + grid.length + bins.length - 1), checked);
    }

    @Test
    void sameSeedAndIndexGiveTheSameSampleWhateverTheOrder() {
        ExposureCube cube = AnalysisFixtures.bandExposure(NSIDE);
        PreparedSample prepared = PreparedSample.of(AnalysisFixtures.events(cube, 3000, 0.0, 1), "d", cube,
                ClassSelection.calet2025());
        ScanPlan plan = new ScanPlan(prepared, EnergyScan.logGrid(125, 500, 3), new double[0], new double[] {50, 5000});
        IsotropicSampler sampler = new IsotropicSampler(prepared, new LowMultipoles(NSIDE), plan);
        double[][] a = sampler.run(7, 11).accumulators();
        sampler.run(7, 12);
        double[][] b = sampler.run(7, 11).accumulators();
        for (int j = 0; j < a.length; j++) {
            assertArrayEquals(a[j], b[j]);
        }
    }

    /**
     * DATA samples draw each event's direction from its own class's exposure at its own energy, the log-E
     * interpolation (1-w) A_k + w A_k+1 taken as a mixture. The fixture gives every (class, bin) map a support
     * of its own (RING pixel p with p mod 8 = 2k + class, k = 0..3, classes A and B), so a pixel tells which
     * map it came from: none may come from another class or bin, and the share drawn from the upper map must
     * be sum_i w_i S_k+1 / ((1-w_i) S_k + w_i S_k+1) (S = map sums, w_i from the bin centres in closed form).
     */
    @Test
    void dataSamplesDrawFromTheEventsOwnClassAndEnergy() {
        int nside = 8;
        int npix = 12 * nside * nside;
        int nb = 4;
        EnergyBinning binning = EnergyBinning.logarithmic(50, 20000, nb);
        java.util.Map<EventClass, double[][]> maps = new java.util.EnumMap<>(EventClass.class);
        double[][] sums = new double[2][nb];
        for (EventClass c : EventClass.values()) {
            double[][] m = new double[nb][npix];
            for (int k = 0; k < nb && c.ordinal() < 2; k++) {
                for (int p = 0; p < npix; p++) {
                    if (p % (2 * nb) == 2 * k + c.ordinal()) {
                        m[k][p] = 1.0 + 0.3 * (p % 5) + 0.7 * k;
                        sums[c.ordinal()][k] += m[k][p];
                    }
                }
            }
            maps.put(c, m);
        }
        ExposureCube cube = new ExposureCube(nside, binning, maps);
        // events log-uniform in energy, classes A and B, each at a pixel of its lower bin's map
        org.apache.commons.rng.UniformRandomProvider r = org.cranisotropy.random.RandomStreams.stream(31, 0);
        HealpixGrid g = new HealpixGrid(nside);
        int n = 1500;
        double[] e = new double[n];
        double[] l = new double[n];
        double[] b = new double[n];
        EventClass[] cls = new EventClass[n];
        for (int i = 0; i < n; i++) {
            e[i] = 50 * Math.pow(400, r.nextDouble());
            cls[i] = r.nextBoolean() ? EventClass.A : EventClass.B;
            int k = lowerBin(binning, e[i]);
            int p = 2 * k + cls[i].ordinal() + 2 * nb * r.nextInt(npix / (2 * nb));
            double[] a = g.pix2ang(p, Ordering.RING);
            l[i] = Math.toDegrees(a[1]);
            b[i] = 90.0 - Math.toDegrees(a[0]);
        }
        ClassSelection ab = new ClassSelection(List.of(new ClassSelection.Rule(0, 1e12,
                java.util.EnumSet.of(EventClass.A, EventClass.B))));
        PreparedSample prepared = PreparedSample.of(new EventSample(e, l, b, cls), "support", cube, ab);
        ScanPlan plan = new ScanPlan(prepared, new double[] {50, 300}, new double[0], new double[] {50, 20000});
        IsotropicSampler sampler = new IsotropicSampler(prepared, new LowMultipoles(nside), plan);
        int samples = 200;
        double expectedUpper = 0;
        double variance = 0;
        long upper = 0;
        int[] pixels = new int[prepared.size()];
        for (int s = 0; s < samples; s++) {
            sampler.run(5, s, pixels);
            for (int i = 0; i < prepared.size(); i++) {
                double energy = prepared.energyGev(i);
                int c = prepared.eventClass(i).ordinal();
                int k = lowerBin(binning, energy);
                double x = Math.log(energy);
                double lo = Math.log(binning.centre(k));
                double w = x <= Math.log(binning.centre(0)) || x >= Math.log(binning.centre(nb - 1)) ? 0.0
                        : (x - lo) / (Math.log(binning.centre(k + 1)) - lo);
                int slot = pixels[i] % (2 * nb);
                boolean fromLower = slot == 2 * k + c;
                boolean fromUpper = w > 0 && slot == 2 * (k + 1) + c;
                if (!fromLower && !fromUpper) {
                    throw new AssertionError("sample " + s + ", event " + i + " (" + energy + " GeV, class " + c
                            + "): pixel " + pixels[i] + " is in no map of its class and energy");
                }
                if (w > 0) {
                    double pu = w * sums[c][k + 1] / ((1 - w) * sums[c][k] + w * sums[c][k + 1]);
                    expectedUpper += pu;
                    variance += pu * (1 - pu);
                    upper += fromUpper ? 1 : 0;
                }
            }
        }
        assertEquals(expectedUpper, upper, 4 * Math.sqrt(variance), "events drawn from the upper map of their mixture");
    }

    /** The bin whose centre is the last at or below e (0 below the first centre, the last above the last). */
    private static int lowerBin(EnergyBinning binning, double e) {
        int k = 0;
        while (k + 1 < binning.size() && binning.centre(k + 1) < e) {
            k++;
        }
        return k;
    }
}
