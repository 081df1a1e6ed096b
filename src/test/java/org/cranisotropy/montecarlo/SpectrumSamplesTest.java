package org.cranisotropy.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.SelectionExposure;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.EnergyBinning;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** Samples whose energies come from the spectrum, the spectrum fit, and the Poisson (ICRC 2019) variant. */
class SpectrumSamplesTest {
    static final int NSIDE = 16;

    /** An exposure equal in every pixel, bin and class (so S_sel is constant in energy). */
    static ExposureCube uniform(int nside) {
        EnergyBinning bins = EnergyBinning.logarithmic(50, 20000, 8);
        int npix = 12 * nside * nside;
        Map<EventClass, double[][]> maps = new EnumMap<>(EventClass.class);
        for (EventClass c : EventClass.values()) {
            double[][] m = new double[bins.size()][npix];
            for (double[] row : m) {
                java.util.Arrays.fill(row, 2.5);
            }
            maps.put(c, m);
        }
        return new ExposureCube(nside, bins, maps);
    }

    static ClassSelection allClasses() {
        return new ClassSelection(List.of(new ClassSelection.Rule(0, 1e12, EnumSet.allOf(EventClass.class))));
    }

    /** Energies drawn from F(E) S_sel(E) by rejection from F (S_sel from the selection's exposure). */
    static EventSample eventsFrom(org.cranisotropy.events.FluxSpectrum f, SelectionExposure sel, int n, long seed) {
        UniformRandomProvider r = RandomStreams.stream(seed, 0);
        double smax = 0;
        for (double e = f.eminGev(); e <= f.emaxGev(); e *= 1.001) {
            smax = Math.max(smax, sel.mean(e));
        }
        double[] energy = new double[n];
        double[] l = new double[n];
        double[] b = new double[n];
        EventClass[] cls = new EventClass[n];
        for (int i = 0; i < n; i++) {
            double e;
            do {
                e = f.sample(r);
            } while (r.nextDouble() * smax > sel.mean(e));
            energy[i] = e;
            l[i] = 360 * r.nextDouble();
            b[i] = Math.toDegrees(Math.asin(2 * r.nextDouble() - 1));
            cls[i] = EventClass.A;
        }
        return new EventSample(energy, l, b, cls);
    }

    /** For a pure power law and a constant exposure the tail probability is a closed form. */
    /** A fitted parameter on a bound of the fit is named, so that cra simulate can warn of it. */
    @Test
    void parametersOnABoundOfTheFitAreNamed() {
        assertEquals(List.of(), ObservedSpectrum.parametersAtBounds(new BrokenPowerLaw(3.1, 3.6, 800, 0.1, 50, 20000)));
        List<String> sharp = ObservedSpectrum.parametersAtBounds(new BrokenPowerLaw(3.1, 3.6, 800, 0.01, 50, 20000));
        assertEquals(1, sharp.size(), sharp.toString());
        assertTrue(sharp.get(0).equals("softness at its lower bound 0.01000"), sharp.toString());
        List<String> none = ObservedSpectrum.parametersAtBounds(new BrokenPowerLaw(3.1, 3.1, 50, 0.1, 50, 20000));
        assertEquals(2, none.size(), none.toString());
        assertEquals(List.of("index-high - index at its lower bound 0.000", "break-gev at its lower bound 50.00"), none);
    }

    @Test
    void tailProbabilityOfAPowerLawIsTheClosedForm() {
        ExposureCube cube = uniform(4);
        SelectionExposure sel = new SelectionExposure(cube, allClasses());
        double g = 2.7;
        ObservedSpectrum s = ObservedSpectrum.of(new BrokenPowerLaw(g, g, 1000, 0.2, 50, 20000), sel);
        for (double e : new double[] {50, 51, 80, 125, 475.5, 1000, 2000, 7000, 19999}) {
            double expected = (Math.pow(e, 1 - g) - Math.pow(20000, 1 - g)) / (Math.pow(50, 1 - g) - Math.pow(20000, 1 - g));
            assertEquals(expected, s.tailProbability(e), 1e-8, "P(E >= " + e + ")");
        }
    }

    /**
     * The maximum-likelihood fit recovers an injected smoothly broken power law seen through an exposure
     * that grows with energy and steps up where the selection adds classes.
     */
    @Test
    void fitRecoversAnInjectedSpectrum() {
        ExposureCube cube = AnalysisFixtures.bandExposure(8);
        ClassSelection calet = ClassSelection.calet2025();
        SelectionExposure sel = new SelectionExposure(cube, calet);
        BrokenPowerLaw truth = new BrokenPowerLaw(2.8, 3.8, 600, 0.1, 50, 20000);
        EventSample events = eventsFrom(truth, sel, 40000, 3);
        // every event class A: allowed by both rules
        PreparedSample data = PreparedSample.of(events, "injected", cube, calet);
        BrokenPowerLaw fit = ObservedSpectrum.fit(data, 50, 20000);
        assertEquals(fit, BrokenPowerLaw.parse(fit.toCsv()), "the metadata form of a spectrum reads back exactly");
        assertEquals(truth.gamma1(), fit.gamma1(), 0.03, "index below the break: " + fit);
        assertEquals(truth.gamma2(), fit.gamma2(), 0.3, "index above the break: " + fit);
        assertEquals(Math.log(truth.breakGev()), Math.log(fit.breakGev()), 0.35, "break: " + fit);
        ObservedSpectrum t = ObservedSpectrum.of(truth, sel);
        ObservedSpectrum f = ObservedSpectrum.of(fit, sel);
        // the binned goodness of fit accepts the fit and rejects a spectrum 0.2 too hard
        ObservedSpectrum.GoodnessOfFit good = f.goodnessOfFit(data, 40, 4);
        assertTrue(good.pValue() > 1e-3, "fitted spectrum rejected: " + good);
        ObservedSpectrum wrong = ObservedSpectrum.of(new BrokenPowerLaw(truth.gamma1() - 0.2, truth.gamma2(),
                truth.breakGev(), truth.softness(), truth.eminGev(), truth.emaxGev()), sel);
        ObservedSpectrum.GoodnessOfFit bad = wrong.goodnessOfFit(data, 40, 4);
        assertTrue(bad.pValue() < 1e-6, "a wrong spectrum accepted: " + bad);
        for (double e : new double[] {100, 300, 475.5, 1000, 3000}) {
            double p = t.tailProbability(e);
            double sigma = Math.sqrt(p * (1 - p) / data.size());
            assertEquals(p, f.tailProbability(e), 4 * sigma, "P(E >= " + e + ")");
        }
    }

    /**
     * SPECTRUM samples: the mean count above each threshold is N P(E &gt;= t), with P integrated here
     * independently (Commons Math Simpson over F(E) S_sel(E) dE, split at the selection's step).
     */
    @Test
    void spectrumSampleCountsFollowTheSpectrum() {
        ExposureCube cube = AnalysisFixtures.bandExposure(NSIDE);
        ClassSelection calet = ClassSelection.calet2025();
        PreparedSample data = PreparedSample.of(AnalysisFixtures.events(cube, 4000, 0.0, 2), "d", cube, calet);
        BrokenPowerLaw flux = new BrokenPowerLaw(3.1, 4.0, 1000, 0.2, 40, 25000);
        double[] thresholds = {60, 125, 400, 475.5, 600, 1500};
        ScanPlan plan = new ScanPlan(data, thresholds, new double[0], new double[] {50, 5000});
        IsotropicSampler sampler = new IsotropicSampler(data, new LowMultipoles(NSIDE), plan,
                new MonteCarloOptions(MonteCarloOptions.Energies.SPECTRUM, flux, false));
        SelectionExposure sel = data.selectionExposure();
        SimpsonIntegrator simpson = new SimpsonIntegrator(1e-7, 1e-14, 3, 30);
        java.util.function.DoubleBinaryOperator mass = (a, b) -> simpson.integrate(100_000_000,
                u -> flux.density(Math.exp(u)) * sel.mean(Math.exp(u)) * Math.exp(u), Math.log(a), Math.log(b));
        double total = mass.applyAsDouble(40, 475.5 - 1e-9) + mass.applyAsDouble(475.5, 25000);
        int samples = 300;
        double[] sum = new double[thresholds.length];
        double[] snap = plan.snapshotEnergies();
        for (int s = 0; s < samples; s++) {
            SampleScan scan = sampler.run(5, s);
            for (int k = 0; k < thresholds.length; k++) {
                int j = plan.thresholds().get(k).snapshot();
                assertEquals(thresholds[k], snap[j], 0.0);
                sum[k] += scan.counts()[j];
            }
        }
        int n = data.size();
        for (int k = 0; k < thresholds.length; k++) {
            double t = thresholds[k];
            double above = t < 475.5 ? mass.applyAsDouble(t, 475.5 - 1e-9) + mass.applyAsDouble(475.5, 25000)
                    : mass.applyAsDouble(t, 25000);
            double p = above / total;
            double sigma = Math.sqrt(n * p * (1 - p) / samples);
            assertEquals(n * p, sum[k] / samples, 4 * sigma + 1e-9, "mean count above " + t + " GeV");
        }
    }

    /**
     * For a uniform exposure an isotropic sample's dipole vector has 3 Gaussian components of variance
     * 3/n (n events), so n delta^2 averages to 9 — also when n itself varies from sample to sample.
     */
    @Test
    void spectrumSamplesAreIsotropic() {
        ExposureCube cube = uniform(NSIDE);
        ClassSelection all = allClasses();
        PreparedSample data = PreparedSample.of(AnalysisFixtures.events(AnalysisFixtures.bandExposure(NSIDE), 3000, 0.0, 4),
                "d", cube, all);
        ScanPlan plan = new ScanPlan(data, new double[] {60, 200}, new double[0], new double[] {50, 5000});
        for (boolean poisson : new boolean[] {false, true}) {
            IsotropicSampler sampler = new IsotropicSampler(data, new LowMultipoles(NSIDE), plan,
                    new MonteCarloOptions(MonteCarloOptions.Energies.SPECTRUM,
                            new BrokenPowerLaw(3.0, 3.0, 1000, 0.2, 45, 20000), poisson));
            SampleMeasurements m = new SampleMeasurements(plan);
            int samples = 400;
            double sum = 0;
            int rows = 0;
            for (int s = 0; s < samples; s++) {
                for (SampleMeasurements.Row r : m.rows(sampler.run(9, s))) {
                    if (r.corrected() && r.kind().equals("standard")) {
                        sum += r.m().nEvents() * r.m().delta() * r.m().delta();
                        rows++;
                    }
                }
            }
            double mean = sum / rows;
            double se = 3 * Math.sqrt(6) / Math.sqrt(rows);
            assertEquals(9.0, mean, 4 * se, "mean of n delta^2 (poisson " + poisson + ")");
        }
    }

    /** Poisson variant: the counts are Poisson — mean and variance both the data's count. */
    @Test
    void poissonCountsHaveTheDataCountAsMeanAndVariance() {
        ExposureCube cube = AnalysisFixtures.bandExposure(NSIDE);
        PreparedSample data = PreparedSample.of(AnalysisFixtures.events(cube, 2000, 0.0, 6), "d", cube,
                ClassSelection.calet2025());
        ScanPlan plan = new ScanPlan(data, new double[] {60, 300}, new double[0], new double[] {50, 5000});
        int j = plan.thresholds().get(1).snapshot();
        for (MonteCarloOptions o : List.of(new MonteCarloOptions(MonteCarloOptions.Energies.DATA, null, true),
                new MonteCarloOptions(MonteCarloOptions.Energies.SPECTRUM,
                        new BrokenPowerLaw(3.1, 4.0, 1000, 0.2, 45, 20000), true))) {
            IsotropicSampler sampler = new IsotropicSampler(data, new LowMultipoles(NSIDE), plan, o);
            int samples = 600;
            double[] total = new double[samples];
            double[] above = new double[samples];
            for (int s = 0; s < samples; s++) {
                SampleScan scan = sampler.run(2, s);
                total[s] = scan.counts()[scan.counts().length - 1];
                above[s] = scan.counts()[j];
            }
            double mean = java.util.Arrays.stream(total).average().orElseThrow();
            double var = java.util.Arrays.stream(total).map(x -> (x - mean) * (x - mean)).sum() / (samples - 1);
            if (o.energies() == MonteCarloOptions.Energies.DATA) {
                double expectTotal = plan.dataCounts()[plan.snapshots() - 1];
                assertEquals(expectTotal, mean, 4 * Math.sqrt(expectTotal / samples), o.describe());
                // variance of a sample variance of a Poisson(mu) with large mu: about 2 mu^2 / (samples - 1)
                assertEquals(expectTotal, var, 4 * expectTotal * Math.sqrt(2.0 / (samples - 1)), o.describe());
            } else {
                // Poisson(N) events of which those >= 50 GeV (the lowest snapshot) are kept: Poisson(N P)
                double mu = data.size() * ObservedSpectrum.of(o.spectrum(), data.selectionExposure()).tailProbability(50);
                assertEquals(mu, mean, 4 * Math.sqrt(mu / samples), o.describe());
                assertEquals(mu, var, 4 * mu * Math.sqrt(2.0 / (samples - 1)), o.describe());
            }
            double m2 = java.util.Arrays.stream(above).average().orElseThrow();
            double v2 = java.util.Arrays.stream(above).map(x -> (x - m2) * (x - m2)).sum() / (samples - 1);
            assertEquals(m2, v2, 4 * m2 * Math.sqrt(2.0 / (samples - 1)), "variance = mean above 300 GeV, " + o.describe());
        }
    }

    /** The same (seed, sample) gives the same sample in every mode. */
    @Test
    void spectrumSamplesAreReproducible() {
        assertSamplesReproducible(new BrokenPowerLaw(3.1, 4.0, 1000, 0.2, 45, 20000), true);
    }

    /** Samples (4, 17) drawn from the spectrum before and after another are the same, bit for bit. */
    static void assertSamplesReproducible(org.cranisotropy.events.FluxSpectrum spectrum, boolean poisson) {
        ExposureCube cube = AnalysisFixtures.bandExposure(NSIDE);
        PreparedSample data = PreparedSample.of(AnalysisFixtures.events(cube, 1500, 0.0, 8), "d", cube,
                ClassSelection.calet2025());
        ScanPlan plan = new ScanPlan(data, new double[] {100, 500}, new double[0], new double[] {50, 5000});
        IsotropicSampler sampler = new IsotropicSampler(data, new LowMultipoles(NSIDE), plan,
                new MonteCarloOptions(MonteCarloOptions.Energies.SPECTRUM, spectrum, poisson));
        SampleScan a = sampler.run(4, 17);
        sampler.run(4, 18);
        SampleScan b = sampler.run(4, 17);
        assertArrayEquals(a.counts(), b.counts());
        for (int j = 0; j < a.accumulators().length; j++) {
            assertArrayEquals(a.accumulators()[j], b.accumulators()[j], 0.0);
        }
    }
}
