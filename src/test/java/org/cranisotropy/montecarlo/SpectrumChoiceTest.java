package org.cranisotropy.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cranisotropy.analysis.AnalysisFixtures;
import org.cranisotropy.analysis.ClassSelection;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.SelectionExposure;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.DoubleBrokenPowerLaw;
import org.cranisotropy.events.FluxSpectrum;
import org.cranisotropy.exposure.ExposureCube;
import org.junit.jupiter.api.Test;

/**
 * The two spectrum models fitted to energies drawn through a stepped exposure (growing with energy,
 * stepping up where the CALET selection adds classes at 475.5 GeV), and the choice between them.
 */
class SpectrumChoiceTest {
    /** A hardening at 250 GeV and a softening at 1 TeV, like the e+e- spectrum's features. */
    static final DoubleBrokenPowerLaw HARDENING = new DoubleBrokenPowerLaw(3.15, 2.75, 3.9, 250, 0.1, 1000, 0.1, 50,
            20000);
    /** The demo's single break. */
    static final BrokenPowerLaw SINGLE = new BrokenPowerLaw(3.1, 4.0, 1000, 0.2, 50, 20000);

    /** n events with energies from truth seen through the band exposure and the CALET selection. */
    static PreparedSample injected(FluxSpectrum truth, int n, long seed) {
        ExposureCube cube = AnalysisFixtures.bandExposure(8);
        ClassSelection calet = ClassSelection.calet2025();
        SelectionExposure sel = new SelectionExposure(cube, calet);
        return PreparedSample.of(SpectrumSamplesTest.eventsFrom(truth, sel, n, seed), "injected", cube, calet);
    }

    /**
     * An injected double break is recovered: the truth lies inside the fit's joint 99.9 % likelihood
     * region (2 (ln L_fit - ln L_truth) below the chi-square(6) quantile), the index below the breaks
     * within 4 sigma of its Hessian error, the fraction of events above each threshold within 4 sigma
     * (binomial) of the truth's; auto picks the double by a wide margin.
     */
    @Test
    void anInjectedDoubleBreakIsRecoveredAndChosen() {
        PreparedSample data = injected(HARDENING, 60000, 3);
        SpectrumChoice c = SpectrumChoice.fit(data, 50, 20000, SpectrumModel.AUTO);
        String fits = String.join("\n", c.lines());
        assertEquals(SpectrumModel.DOUBLE, c.chosen(), fits);
        assertTrue(c.lr() > 2 * SpectrumChoice.threshold() && c.pValue() < 1e-4, fits);
        assertEquals(2 * (c.doubleFit().logLikelihood() - c.single().logLikelihood()), c.lr(), 1e-9);
        assertEquals(9.21, SpectrumChoice.threshold(), 0.005);
        DoubleBrokenPowerLaw fit = (DoubleBrokenPowerLaw) c.flux();
        assertEquals(fit, FluxSpectrum.parse(fit.toCsv()), "the metadata form reads back exactly");

        SpectrumLikelihood likelihood = SpectrumLikelihood.of(data, 50, 20000);
        assertEquals(c.doubleFit().logLikelihood(), likelihood.logLikelihood(fit), 1e-6, "ln L is the exact one");
        double excess = 2 * (c.doubleFit().logLikelihood() - likelihood.logLikelihood(HARDENING));
        assertTrue(excess >= -1e-6, "the fit is at least as likely as the truth: " + excess + "\n" + fits);
        assertTrue(excess < ChiSquaredDistribution.of(6).inverseSurvivalProbability(1e-3),
                "the truth is outside the 99.9 % region: " + excess + "\n" + fits);
        double g1 = c.doubleFit().values()[0];
        double e1 = c.doubleFit().error("gamma1");
        assertTrue(e1 > 0 && e1 < 0.05, fits);
        assertEquals(HARDENING.gamma1(), g1, 4 * e1, fits);
        assertTrue(fit.gamma2() < fit.gamma1() && fit.gamma3() > fit.gamma2(), "a hardening, then a softening: " + fits);

        SelectionExposure sel = data.selectionExposure();
        ObservedSpectrum t = ObservedSpectrum.of(HARDENING, sel);
        ObservedSpectrum f = ObservedSpectrum.of(fit, sel);
        ObservedSpectrum s = ObservedSpectrum.of(c.single().flux(), sel);
        double worstSingle = 0;
        for (double e : new double[] {100, 250, 475.5, 1000, 2000, 4000}) {
            double p = t.tailProbability(e);
            double sigma = Math.sqrt(p * (1 - p) / data.size());
            assertEquals(p, f.tailProbability(e), 4 * sigma, "P(E >= " + e + "): " + fits);
            worstSingle = Math.max(worstSingle, Math.abs(s.tailProbability(e) - p) / sigma);
        }
        // the single break cannot follow the hardening: its counts above some threshold are off by more
        assertTrue(worstSingle > 2, "the single break misses the hardening by " + worstSingle + " sigma");
        // the binned goodness of fit accepts the double with its 6 parameters
        assertTrue(f.goodnessOfFit(data, 40, 6).pValue() > 1e-3, fits);

        // forced: the same fits, the model asked for
        SpectrumChoice single = SpectrumChoice.fit(data, 50, 20000, SpectrumModel.SINGLE);
        assertEquals(SpectrumModel.SINGLE, single.chosen());
        assertNull(single.doubleFit());
        assertEquals(c.single().flux(), single.flux());
        assertTrue(single.summary().contains("double: not fitted"), single.summary());
        assertTrue(c.summary().contains("LR = 2 (ln L_double - ln L_single) = "), c.summary());
    }

    /** A single-break spectrum keeps the single: for a fixed seed, and in at least 18 of 20 small data sets. */
    @Test
    void aSingleBreakSpectrumKeepsTheSingle() {
        PreparedSample data = injected(SINGLE, 20000, 5);
        SpectrumChoice c = SpectrumChoice.fit(data, 50, 20000, SpectrumModel.AUTO);
        assertEquals(SpectrumModel.SINGLE, c.chosen(), String.join("\n", c.lines()));
        assertTrue(c.lr() >= 0 && c.doubleFit().logLikelihood() >= c.single().logLikelihood(), "the double contains "
                + "the single: " + c.lr());
        int doubles = 0;
        StringBuilder log = new StringBuilder();
        for (long seed = 100; seed < 120; seed++) {
            SpectrumChoice k = SpectrumChoice.fit(injected(SINGLE, 5000, seed), 50, 20000, SpectrumModel.AUTO);
            doubles += k.chosen() == SpectrumModel.DOUBLE ? 1 : 0;
            log.append(String.format(java.util.Locale.ROOT, " %.2f", k.lr()));
        }
        assertTrue(doubles <= 2, doubles + " of 20 single-break data sets chose the double; LR:" + log);
        SpectrumChoice forced = SpectrumChoice.fit(data, 50, 20000, SpectrumModel.DOUBLE);
        assertEquals(SpectrumModel.DOUBLE, forced.chosen());
        assertEquals(c.doubleFit().flux(), forced.flux());
        assertTrue(forced.decision().startsWith("double (forced)"), forced.decision());
    }

    /** Through a constant exposure the observed tail probability of a double break is its own integral. */
    @Test
    void observedTailOfADoubleBreakIsItsIntegral() {
        ExposureCube cube = SpectrumSamplesTest.uniform(4);
        SelectionExposure sel = new SelectionExposure(cube, SpectrumSamplesTest.allClasses());
        ObservedSpectrum s = ObservedSpectrum.of(HARDENING, sel);
        double total = HARDENING.integral(50, 20000);
        for (double e : new double[] {50, 51, 120, 250, 475.5, 1000, 3000, 19999}) {
            assertEquals(HARDENING.integral(e, 20000) / total, s.tailProbability(e), 1e-8, "P(E >= " + e + ")");
        }
    }

    /** Samples drawn from a double break are reproducible per (seed, sample), like every sample. */
    @Test
    void samplesFromADoubleBreakAreReproducible() {
        SpectrumSamplesTest.assertSamplesReproducible(HARDENING, false);
    }

    @Test
    void modelNamesAndNarrowRanges() {
        assertEquals(SpectrumModel.DOUBLE, SpectrumModel.parse(" Double "));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> SpectrumModel.parse("triple"));
        assertTrue(bad.getMessage().contains("'triple'"), bad.getMessage());
        // [50, 150] GeV is narrower than a factor 4: auto keeps the single without trying two breaks
        PreparedSample data = injected(new BrokenPowerLaw(3.0, 3.0, 100, 0.2, 50, 150), 2000, 1);
        SpectrumChoice c = SpectrumChoice.fit(data, 50, 150, SpectrumModel.AUTO);
        assertEquals(SpectrumModel.SINGLE, c.chosen());
        assertNull(c.doubleFit());
        assertThrows(IllegalArgumentException.class, () -> SpectrumChoice.fit(data, 50, 150, SpectrumModel.DOUBLE));
    }
}
