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
}
