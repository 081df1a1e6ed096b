package org.cranisotropy.validation;

import java.util.ArrayList;
import java.util.List;
import org.cranisotropy.analysis.BinRow;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.EnergyScan;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.ThresholdRow;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.EventGenerator;
import org.cranisotropy.events.EventSample;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.montecarlo.MonteCarloOptions;
import org.cranisotropy.montecarlo.SampleMeasurements;
import org.cranisotropy.montecarlo.SampleRecipe;
import org.cranisotropy.montecarlo.SimulationSpec;
import org.cranisotropy.random.RandomStreams;

/**
 * The end-to-end calibration of the p-values (method.md section 8): whole isotropic data sets made by
 * the event generator of {@code cra generate} (energies from the true flux, classes in proportion to
 * their sky-integrated exposure, directions from the exposure), each put through the data step and
 * through a Monte Carlo of its own made by the run's sample recipe (its own fitted spectrum, or its own
 * energies), exactly as a real data set would be. Unlike the injected skies of {@link InjectedSkies},
 * which are drawn like the samples, these test whether a data set is a sky like the samples: a
 * p-value that is too often small here is one the analysis would misreport on data.
 *
 * <p>Selections: the standard thresholds and the bins (a grid would depend on each data set's energy
 * range). Data set k uses generator seed = first number of stream (seed, 2^60 + k) and Monte Carlo
 * master seed = first number of stream (seed, 2^59 + k): the result depends only on (seed, k).
 */
public record EndToEnd(ExposureCube cube, BrokenPowerLaw flux, int events, double mjdStart, double mjdEnd,
        ClassSelection selection, double[] standardThresholds, double[] binEdgesGev, SampleRecipe recipe, int samples,
        long seed) implements java.io.Serializable {

    /** The local p-values of one data set per selection (standard thresholds, then bins) and its scan p-value. */
    public record Outcome(long dataset, double[] localP, double globalP, int selectedEvents)
            implements java.io.Serializable {}

    public EndToEnd {
        if (samples < 19) {
            throw new IllegalArgumentException("at least 19 samples per data set are needed, got " + samples);
        }
        standardThresholds = standardThresholds.clone();
        binEdgesGev = binEdgesGev.clone();
    }

    /** The number of selections: standard thresholds and bins. */
    public int selections() {
        return standardThresholds.length + Math.max(0, binEdgesGev.length - 1);
    }

    /** Data set k: generated, analysed, simulated and compared. A data set whose scan is empty somewhere gives NaN. */
    public Outcome run(long k) {
        EventGenerator gen = new EventGenerator(cube, flux, 0.0, 0, 0, mjdStart, mjdEnd);
        EventGenerator.Events e = gen.generate(events, RandomStreams.stream(seed, (1L << 60) + k).nextLong());
        EventSample sample = new EventSample(e.energyGev(), e.lDeg(), e.bDeg(), e.eventClass());
        PreparedSample data = PreparedSample.of(sample, "data set " + k, cube, selection);
        double[] nan = new double[selections()];
        java.util.Arrays.fill(nan, Double.NaN);
        if (standardThresholds.length > 0 && data.energyGev(0) < standardThresholds[standardThresholds.length - 1]) {
            return new Outcome(k, nan, Double.NaN, data.size());
        }
        EnergyScan scan = new EnergyScan(new LowMultipoles(cube.nside()), data);
        double[] measured = new double[selections()];
        List<ThresholdRow> rows = scan.thresholds("standard", standardThresholds, false);
        for (int t = 0; t < standardThresholds.length; t++) {
            for (ThresholdRow r : rows) {
                if (r.corrected() && r.thresholdGev() == standardThresholds[t]) {
                    measured[t] = r.m().delta();
                }
            }
        }
        List<BinRow> bins;
        try {
            bins = binEdgesGev.length > 1 ? scan.bins(binEdgesGev) : List.of();
        } catch (IllegalArgumentException empty) {
            return new Outcome(k, nan, Double.NaN, data.size());
        }
        int b = standardThresholds.length;
        for (BinRow r : bins) {
            if (r.corrected()) {
                measured[b++] = r.m().delta();
            }
        }
        MonteCarloOptions options = recipe.options(data);
        long mcSeed = RandomStreams.stream(seed, (1L << 59) + k).nextLong();
        SimulationSpec.Engine engine = new SimulationSpec(sample, "data set " + k, cube, selection, standardThresholds,
                new double[0], binEdgesGev, mcSeed, options).build();
        double[][] iso = new double[samples][];
        for (int s = 0; s < samples; s++) {
            List<SampleMeasurements.Row> r = engine.measurements().rows(engine.sampler().run(mcSeed, s));
            double[] d = new double[selections()];
            for (int q = 0; q < d.length; q++) {
                SampleMeasurements.Row row = r.get(2 * q); // corrected; the uncorrected row follows
                d[q] = row.m().nEvents() == 0 ? Double.NaN : row.m().delta();
            }
            iso[s] = d;
        }
        IsotropicReference reference = new IsotropicReference(iso);
        double[] p = new double[selections()];
        for (int q = 0; q < p.length; q++) {
            p[q] = reference.localP(q, measured[q]);
        }
        return new Outcome(k, p, reference.globalP(measured), data.size());
    }

    /** One row of validation_end_to_end/: the calibration of one selection's (or the scan's) p-values. */
    public record Calibration(String kind, double thresholdGev, double eminGev, double emaxGev, long datasets,
            double fracBelow005, double expectedBelow005, double binomialP005, double fracBelow001,
            double expectedBelow001, double binomialP001, double ks, double ksP) {}

    /** Per selection and for the whole scan (kind "scan"): how often p &lt;= 0.05 and 0.01, against exact expectations. */
    public List<Calibration> calibrate(List<Outcome> outcomes) {
        List<Calibration> out = new ArrayList<>();
        for (int q = 0; q <= selections(); q++) {
            boolean scanRow = q == selections();
            double[] p = new double[outcomes.size()];
            int n = 0;
            for (Outcome o : outcomes) {
                double v = scanRow ? o.globalP() : o.localP()[q];
                if (!Double.isNaN(v)) {
                    p[n++] = v;
                }
            }
            p = java.util.Arrays.copyOf(p, n);
            String kind = scanRow ? "scan" : q < standardThresholds.length ? "standard" : "bin";
            double thr = !scanRow && q < standardThresholds.length ? standardThresholds[q] : Double.NaN;
            int bin = q - standardThresholds.length;
            double emin = !scanRow && bin >= 0 ? binEdgesGev[bin] : Double.NaN;
            double emax = !scanRow && bin >= 0 ? binEdgesGev[bin + 1] : Double.NaN;
            // a p-value of S samples takes the values j / (S + 1): P(p <= a) = floor(a (S + 1)) / (S + 1) exactly
            double e05 = Math.floor(0.05 * (samples + 1)) / (samples + 1);
            double e01 = Math.floor(0.01 * (samples + 1)) / (samples + 1);
            double f05 = ValidationSummary.fractionBelow(p, 0.05);
            double f01 = ValidationSummary.fractionBelow(p, 0.01);
            double ks = ValidationSummary.ksUniform(p);
            // commons-math3's one-sample test against U(0, 1) (exact for small n; the p-values' discreteness,
            // steps of 1 / (S + 1), makes it slightly conservative)
            double ksP = n < 2 ? Double.NaN : new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest()
                    .kolmogorovSmirnovTest(new org.apache.commons.math3.distribution.UniformRealDistribution(0, 1), p);
            out.add(new Calibration(kind, thr, emin, emax, n, f05, e05, upperTail(n, f05, e05), f01, e01,
                    upperTail(n, f01, e01), ks, ksP));
        }
        return out;
    }

    /** P(X &gt;= observed count) for X ~ Binomial(n, p): small when p-values are too often small. */
    private static double upperTail(int n, double fraction, double p) {
        if (n == 0 || p == 0) {
            return Double.NaN;
        }
        long k = Math.round(fraction * n);
        return org.apache.commons.statistics.distribution.BinomialDistribution.of(n, p).survivalProbability((int) k - 1);
    }
}
