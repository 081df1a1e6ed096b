package org.cranisotropy.montecarlo;

import java.util.TreeSet;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.SelectionExposure;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.FluxSpectrum;

/**
 * The energy distribution of the selected events that the isotropic Monte Carlo draws from
 * (method.md section 5): the flux F(E), a smoothly broken power law with one break or two
 * ({@link FluxSpectrum}), times
 * the sky-integrated exposure of the class selection at that energy, S_sel(E) (log-E interpolated
 * like the weights, with the step where the selection adds classes):
 * <pre>  g(E) = F(E) S_sel(E) / Z,   Z = integral of F S_sel over [emin, emax].</pre>
 *
 * <p>{@link #fit} estimates a single-break F from the data's selected energies by unbinned maximum
 * likelihood ({@link SpectrumLikelihood}, which also fits two breaks; {@link SpectrumChoice} chooses
 * between them). Draws use a table of the tail probability P(E' &gt;= E) on a grid of
 * 2^16 steps in ln E (Simpson per step) with the density taken constant in ln E inside a step
 * (steps of ~1e-4 in ln E; tail probabilities within 1e-8 of the exact integral). Immutable.
 */
public final class ObservedSpectrum implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int STEPS = 1 << 16;

    private final FluxSpectrum flux;
    /** ln E of the grid, decreasing from ln emax; tail[j] = P(E' &gt;= exp(lnE[j])), increasing from 0 to 1. */
    private final double[] lnE;
    private final double[] tail;
    /** d(ln E)/d(tail) in each step (0 for an empty step). */
    private final double[] slope;

    private ObservedSpectrum(FluxSpectrum flux, double[] lnE, double[] tail) {
        this.flux = flux;
        this.lnE = lnE;
        this.tail = tail;
        this.slope = new double[STEPS];
        for (int j = 0; j < STEPS; j++) {
            double width = tail[j + 1] - tail[j];
            slope[j] = width > 0 ? (lnE[j + 1] - lnE[j]) / width : 0.0;
        }
    }

    /** The observed distribution of flux F through the selection's exposure, on F's [emin, emax]. */
    public static ObservedSpectrum of(FluxSpectrum flux, SelectionExposure selection) {
        double lo = Math.log(flux.eminGev());
        double hi = Math.log(flux.emaxGev());
        double[] x = new double[STEPS + 1];
        double[] t = new double[STEPS + 1];
        double h = (hi - lo) / STEPS;
        double[] edges = lnRuleEdges(selection);
        x[0] = hi;
        for (int j = 1; j <= STEPS; j++) {
            x[j] = j == STEPS ? lo : hi - j * h;
            double a = x[j];
            double b = x[j - 1];
            // Simpson on [a, b] in u = ln E, integrand F(e^u) S(e^u) e^u; a step of S_sel inside the interval
            // (the selection's edge) is split there
            double edge = inside(edges, a, b);
            double piece = Double.isNaN(edge) ? simpson(flux, selection, a, b)
                    : simpson(flux, selection, a, edge) + simpson(flux, selection, edge, b);
            t[j] = t[j - 1] + piece;
        }
        double z = t[STEPS];
        for (int j = 0; j <= STEPS; j++) {
            t[j] /= z;
        }
        t[STEPS] = 1.0;
        return new ObservedSpectrum(flux, x, t);
    }

    /** ln of the finite energies where the selection's rules begin or end (where S_sel steps), increasing. */
    static double[] lnRuleEdges(SelectionExposure s) {
        TreeSet<Double> edges = new TreeSet<>();
        for (var r : s.selection().rules()) {
            for (double e : new double[] {r.eminGev(), r.emaxGev()}) {
                if (e > 0 && Double.isFinite(e)) {
                    edges.add(Math.log(e));
                }
            }
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The first of the values strictly inside (a, b), or NaN. */
    private static double inside(double[] values, double a, double b) {
        for (double u : values) {
            if (u > a && u < b) {
                return u;
            }
        }
        return Double.NaN;
    }

    private static double simpson(FluxSpectrum f, SelectionExposure s, double a, double b) {
        // one-sided limits at the ends, so that a step of S_sel at an end is taken from the inside
        double eps = 1e-12 * (b - a);
        double fa = integrand(f, s, a + eps);
        double fm = integrand(f, s, 0.5 * (a + b));
        double fb = integrand(f, s, b - eps);
        return (b - a) / 6 * (fa + 4 * fm + fb);
    }

    static double integrand(FluxSpectrum f, SelectionExposure s, double u) {
        double e = Math.exp(u);
        return f.density(e) * s.mean(e) * e;
    }

    public FluxSpectrum flux() {
        return flux;
    }

    /** Probability that an event has energy &gt;= e (0 above emax, 1 below emin). */
    public double tailProbability(double energyGev) {
        double u = Math.log(energyGev);
        if (u >= lnE[0]) {
            return 0.0;
        }
        if (u <= lnE[STEPS]) {
            return 1.0;
        }
        int j = (int) Math.floor((lnE[0] - u) / (lnE[0] - lnE[STEPS]) * STEPS);
        j = Math.max(0, Math.min(STEPS - 1, j));
        while (j > 0 && u > lnE[j]) {
            j--;
        }
        while (j < STEPS - 1 && u < lnE[j + 1]) {
            j++;
        }
        double f = (lnE[j] - u) / (lnE[j] - lnE[j + 1]);
        return tail[j] + f * (tail[j + 1] - tail[j]);
    }

    /**
     * A cursor that turns increasing tail probabilities into decreasing ln E (energies of a sample
     * from high to low) in amortised constant time.
     */
    public final class Cursor {
        private int j;

        /** ln E of the event whose tail probability is t (t must not decrease between calls). */
        public double lnEnergy(double t) {
            while (j < STEPS - 1 && tail[j + 1] <= t) {
                j++;
            }
            // t lies in [tail[j], tail[j + 1]); ln E linear in t inside the step
            return Math.max(lnE[j + 1], lnE[j] + (t - tail[j]) * slope[j]);
        }
    }

    public Cursor cursor() {
        return new Cursor();
    }

    /** Pearson chi-square of binned counts against this distribution: statistic, degrees of freedom, p-value. */
    public record GoodnessOfFit(double chi2, int dof, double pValue, int bins) {}

    /**
     * How well this distribution describes the data's selected energies: the events in [emin, emax]
     * counted in {@code bins} log-spaced bins against N (P(E &gt;= lo) - P(E &gt;= hi)); bins expecting fewer
     * than 5 events are merged with their neighbours toward high energy, and the parameters fitted to
     * these data (4 for a fitted single break, 6 for two, 0 for a given spectrum) are taken off the degrees of freedom
     * (Commons Statistics chi-square survival probability).
     */
    public GoodnessOfFit goodnessOfFit(PreparedSample data, int bins, int fittedParameters) {
        EnergyHistogram h = EnergyHistogram.of(data, flux.eminGev(), flux.emaxGev(), bins);
        long[] observed = h.observed();
        double[] expected = expected(h);
        double chi2 = 0;
        int used = 0;
        double expectSum = 0;
        long observedSum = 0;
        for (int k = 0; k < bins; k++) {
            expectSum += expected[k];
            observedSum += observed[k];
            if (expectSum >= 5 || k + 1 == bins) {
                if (expectSum > 0) {
                    chi2 += (observedSum - expectSum) * (observedSum - expectSum) / expectSum;
                    used++;
                }
                expectSum = 0;
                observedSum = 0;
            }
        }
        int dof = Math.max(1, used - 1 - fittedParameters);
        double p = org.apache.commons.statistics.distribution.ChiSquaredDistribution.of(dof).survivalProbability(chi2);
        return new GoodnessOfFit(chi2, dof, p, used);
    }

    /** The counts this distribution expects in each bin of h: total (P(E &gt;= lower) - P(E &gt;= upper)). */
    public double[] expected(EnergyHistogram h) {
        double[] e = new double[h.bins()];
        for (int k = 0; k < e.length; k++) {
            e[k] = h.total() * (tailProbability(h.edge(k)) - (k + 1 == e.length ? 0.0 : tailProbability(h.edge(k + 1))));
        }
        return e;
    }

    /**
     * The maximum-likelihood smoothly broken power law of the data's selected energies in
     * [eminGev, emaxGev] (events outside are ignored), observed through the selection's exposure
     * ({@link SpectrumLikelihood#fitSingleFlux}).
     */
    public static BrokenPowerLaw fit(PreparedSample data, double eminGev, double emaxGev) {
        return SpectrumLikelihood.of(data, eminGev, emaxGev).fitSingleFlux();
    }

    /**
     * The parameters of a fitted spectrum that sit on a bound of {@link #fit} (within 1e-6 of the
     * range, in the fitted coordinates): the data do not constrain them there, e.g. a softness at its
     * lower bound 0.01 (a break sharper than the fit allows) or no change of index at all. Names as in
     * cra.simulation.spectrum.
     */
    public static java.util.List<String> parametersAtBounds(BrokenPowerLaw f) {
        return SpectrumLikelihood.parametersAtBounds(f);
    }
}
