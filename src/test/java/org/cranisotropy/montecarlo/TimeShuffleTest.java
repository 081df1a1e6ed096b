package org.cranisotropy.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.EnergyScan;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.ThresholdRow;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.sky.GalacticFrame;
import org.junit.jupiter.api.Test;

/**
 * Samples with shuffled times (the data's events with their times permuted, directions recomputed through
 * the orbit), on events generated from the exposure of {@link ShuffleFixtures} with times from the same model.
 */
class TimeShuffleTest {
    private static final int NSIDE = 16;
    private static final double[] STANDARD = {50, 125, 250};

    private record Setup(EventSample events, PreparedSample data, ScanPlan plan, TimeShuffle shuffle,
            IsotropicSampler shuffled, IsotropicSampler dataDraws, SampleMeasurements measurements) {}

    private static Setup setup(EventSample events) {
        ExposureCube cube = ShuffleFixtures.exposure();
        PreparedSample data = PreparedSample.of(events, "events", cube, ClassSelection.calet2025());
        ScanPlan plan = new ScanPlan(data, STANDARD, new double[0], new double[] {50, 125, 20000});
        LowMultipoles ylm = new LowMultipoles(NSIDE);
        TimeShuffle shuffle = new TimeShuffle(events, "events", data.selectionExposure(), ShuffleFixtures.frame(),
                ylm, plan);
        IsotropicSampler shuffled = new IsotropicSampler(data, ylm, plan,
                MonteCarloOptions.shuffledTimes(ShuffleFixtures.frame()), shuffle);
        return new Setup(events, data, plan, shuffle, shuffled, new IsotropicSampler(data, ylm, plan),
                new SampleMeasurements(plan));
    }

    /** The corrected row of standard threshold gev of a sample. */
    private static SampleMeasurements.Row row(Setup s, SampleScan scan, double gev) {
        for (SampleMeasurements.Row r : s.measurements().rows(scan)) {
            if (r.kind().equals(ScanPlan.STANDARD) && r.thresholdGev() == gev && r.corrected()) {
                return r;
            }
        }
        throw new IllegalStateException("no row " + gev);
    }

    /**
     * With every event keeping its own time the recomputed directions are the data's: the sums equal the data
     * step (EnergyScan) on the same events, counts exactly and multipoles to rounding. A wrong frame
     * convention (azimuth sign, axes) moves the events and fails this.
     */
    @Test
    void theDataOwnTimesGiveTheDataStep() {
        Setup s = setup(ShuffleFixtures.events(6000, 0.3, 263.9, -3.3, 41));
        int[] identity = new int[s.shuffle().size()];
        for (int k = 0; k < identity.length; k++) {
            identity[k] = k;
        }
        List<ThresholdRow> want = new EnergyScan(new LowMultipoles(NSIDE), s.data()).thresholds("standard", STANDARD,
                false);
        SampleScan scan = s.shuffle().scan(identity);
        int checked = 0;
        for (ThresholdRow w : want) {
            for (SampleMeasurements.Row r : s.measurements().rows(scan)) {
                if (r.kind().equals(ScanPlan.STANDARD) && r.thresholdGev() == w.thresholdGev()
                        && r.corrected() == w.corrected()) {
                    assertEquals(w.m().nEvents(), r.m().nEvents());
                    assertEquals(w.m().delta(), r.m().delta(), 1e-12 * w.m().delta());
                    assertEquals(w.m().c1(), r.m().c1(), 1e-11 * w.m().c1());
                    assertEquals(w.m().c2(), r.m().c2(), 1e-11 * w.m().c2());
                    checked++;
                }
            }
        }
        assertEquals(2 * STANDARD.length, checked);
        // the events of the floor's masked pixels are in the pool but not in the data
        assertTrue(s.shuffle().size() >= s.data().size());
    }

    /** Sample s depends on (seed, s) only; the permutation is one. */
    @Test
    void aSampleDependsOnItsSeedAndIndexOnly() {
        Setup s = setup(ShuffleFixtures.events(3000, 0.0, 0, 0, 42));
        SampleScan a = s.shuffled().run(9, 4);
        SampleScan b = s.shuffled().run(9, 4);
        for (int q = 0; q < a.accumulators().length; q++) {
            assertArrayEquals(a.accumulators()[q], b.accumulators()[q], 0.0);
        }
        assertArrayEquals(a.counts(), b.counts());
        assertTrue(row(s, a, 50).m().delta() != row(s, s.shuffled().run(9, 5), 50).m().delta());
        assertTrue(row(s, a, 50).m().delta() != row(s, s.shuffled().run(10, 4), 50).m().delta());
        int[] pi = s.shuffle().permutation(9, 4);
        int[] sorted = pi.clone();
        java.util.Arrays.sort(sorted);
        for (int k = 0; k < sorted.length; k++) {
            assertEquals(k, sorted[k]);
        }
    }

    /**
     * Under isotropy every permutation of the times is as likely as the observed one, so the data's delta is
     * exchangeable with its shuffled samples' and its rank among them is uniform. 40 isotropic data sets of
     * 1200 events, 19 shuffles each: the data's rank (1..20) in the lowest threshold is uniform (chi-square in
     * 5 rank classes, p &gt; 0.001). A single data set's shuffles scatter about its own dipole (they keep most
     * of it, see below), so they agree with the exposure-drawn (data) samples only over data sets: the mean
     * over the sets of (mean shuffled delta - mean exposure-drawn delta) is 0 within 3 standard errors.
     */
    @Test
    void isotropicDataRankUniformlyAmongTheirShuffledSamples() {
        int sets = 40;
        int shuffles = 19;
        long[] classes = new long[5];
        double[] difference = new double[sets];
        for (int k = 0; k < sets; k++) {
            Setup s = setup(ShuffleFixtures.events(1200, 0.0, 0, 0, 1000 + k));
            double data = new EnergyScan(new LowMultipoles(NSIDE), s.data()).thresholds("standard", new double[] {50},
                    false).stream().filter(ThresholdRow::corrected).findFirst().orElseThrow().m().delta();
            int below = 0;
            double shuffledMean = 0;
            double drawnMean = 0;
            for (int j = 0; j < shuffles; j++) {
                double delta = row(s, s.shuffled().run(k, j), 50).m().delta();
                if (delta < data) {
                    below++;
                }
                shuffledMean += delta / shuffles;
                drawnMean += row(s, s.dataDraws().run(k, j), 50).m().delta() / shuffles;
            }
            difference[k] = shuffledMean - drawnMean;
            classes[below / 4]++; // ranks 0..19 in five classes of four
        }
        double chi2 = 0;
        for (long c : classes) {
            double mu = sets / 5.0;
            chi2 += (c - mu) * (c - mu) / mu;
        }
        double p = ChiSquaredDistribution.of(4).survivalProbability(chi2);
        System.out.printf("shuffled times: rank classes of the data's delta %s, chi2 %.2f, p %.3f%n",
                java.util.Arrays.toString(classes), chi2, p);
        assertTrue(p > 1e-3, "ranks " + java.util.Arrays.toString(classes) + " chi2 " + chi2);
        // over the data sets, the shuffled samples' delta has the exposure-drawn (data) samples' mean
        double mean = java.util.Arrays.stream(difference).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(difference).map(x -> (x - mean) * (x - mean)).sum() / (sets - 1));
        double error = sd / Math.sqrt(sets);
        System.out.printf("shuffled minus exposure-drawn mean delta over %d data sets: %.5f +- %.5f%n", sets, mean,
                error);
        assertTrue(Math.abs(mean) < 3 * error, "shuffled minus drawn mean delta " + mean + " +- " + error);
    }

    /**
     * A strong dipole (0.5) in the data is kept by the shuffled samples, in right ascension as in declination:
     * the times of the events remember where the zenith pointed. Rough expectation from the detector frame: a
     * shuffled direction is R(t') d, whose mean over the events' instrument-frame directions d is
     * &lt;cos theta&gt; z(t'), and the times t' follow the data's dipole seen at the zenith, again weighted by
     * &lt;cos theta&gt;: the shuffled samples' mean dipole vector is of the order of &lt;cos theta&gt;^2 (0.82
     * here) times the data's own (measured) dipole. Asserted: more than 0.7 of it is kept, toward the celestial
     * pole and toward a direction on the equator (measured 0.93 and 0.90, printed). The exposure-drawn (data)
     * samples of the same events stay isotropic (mean delta below 0.1; 0.05 measured).
     */
    @Test
    void aDipoleInTheDataLeaksIntoTheShuffledSamplesInEveryDirection() {
        double[][] directions = {GalacticFrame.fromIcrs(0, 90), GalacticFrame.fromIcrs(90, 0)};
        for (double[] d : directions) {
            Setup s = setup(ShuffleFixtures.events(8000, 0.5, d[0], d[1], 77));
            double[] u = GalacticFrame.unitVector(d[0], d[1]);
            ThresholdRow measured = new EnergyScan(new LowMultipoles(NSIDE), s.data()).thresholds("standard",
                    new double[] {50}, false).stream().filter(ThresholdRow::corrected).findFirst().orElseThrow();
            double dataAlong = measured.m().delta()
                    * dot(GalacticFrame.unitVector(measured.m().dipoleLDeg(), measured.m().dipoleBDeg()), u);
            double cos = 0;
            for (int k = 0; k < s.shuffle().size(); k++) {
                cos += Math.cos(Math.toRadians(s.shuffle().zenithDeg(k))) / s.shuffle().size();
            }
            int samples = 40;
            double along = 0;
            double isotropic = 0;
            for (int j = 0; j < samples; j++) {
                SampleMeasurements.Row r = row(s, s.shuffled().run(3, j), 50);
                along += r.m().delta() * dot(GalacticFrame.unitVector(r.m().dipoleLDeg(), r.m().dipoleBDeg()), u)
                        / samples;
                isotropic += row(s, s.dataDraws().run(3, j), 50).m().delta() / samples;
            }
            double leak = along / dataAlong;
            double[] radec = GalacticFrame.toIcrs(d[0], d[1]);
            System.out.printf("shuffled times, dipole 0.5 toward RA %.0f Dec %.0f: data %.3f along it, shuffled "
                    + "samples %.3f (fraction %.3f; <cos theta>^2 = %.3f); exposure-drawn samples' mean delta %.4f%n",
                    radec[0], radec[1], dataAlong, along, leak, cos * cos, isotropic);
            assertTrue(leak > 0.7 && leak < 1.05, "fraction of the data's dipole kept by the shuffled samples: " + leak);
            assertTrue(isotropic < 0.1, "exposure-drawn samples' mean delta " + isotropic);
        }
    }

    /** Events without their instrument frame cannot be shuffled: bad input naming the file and the column. */
    @Test
    void eventsWithoutTimesAreRefused() {
        EventSample withTimes = ShuffleFixtures.events(500, 0.0, 0, 0, 3);
        EventSample bare = new EventSample(energies(withTimes), ls(withTimes), bs(withTimes), classes(withTimes));
        ExposureCube cube = ShuffleFixtures.exposure();
        PreparedSample data = PreparedSample.of(bare, "bare.parquet", cube, ClassSelection.calet2025());
        ScanPlan plan = new ScanPlan(data, new double[] {50}, new double[0], new double[0]);
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> new TimeShuffle(bare, "bare.parquet", data.selectionExposure(), ShuffleFixtures.frame(),
                        new LowMultipoles(NSIDE), plan));
        assertTrue(e.getMessage().startsWith("bare.parquet: missing column time"), e.getMessage());
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] energies(EventSample e) {
        double[] v = new double[e.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = e.energyGev(i);
        }
        return v;
    }

    private static double[] ls(EventSample e) {
        double[] v = new double[e.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = e.lDeg(i);
        }
        return v;
    }

    private static double[] bs(EventSample e) {
        double[] v = new double[e.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = e.bDeg(i);
        }
        return v;
    }

    private static org.cranisotropy.exposure.EventClass[] classes(EventSample e) {
        org.cranisotropy.exposure.EventClass[] v = new org.cranisotropy.exposure.EventClass[e.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = e.eventClass(i);
        }
        return v;
    }
}
