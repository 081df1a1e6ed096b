package org.cranisotropy.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.analysis.SelectionExposure;
import org.cranisotropy.events.BrokenPowerLaw;

/**
 * The energy distribution of the selected events that the isotropic Monte Carlo draws from
 * (method.md section 5): the flux, a smoothly broken power law F(E) ({@link BrokenPowerLaw}), times
 * the sky-integrated exposure of the class selection at that energy, S_sel(E) (log-E interpolated
 * like the weights, with the step where the selection adds classes):
 * <pre>  g(E) = F(E) S_sel(E) / Z,   Z = integral of F S_sel over [emin, emax].</pre>
 *
 * <p>{@link #fit} estimates F from the data's selected energies by unbinned maximum likelihood
 * (Commons Math BOBYQA over gamma1, gamma2 - gamma1, ln E_b, ln s; Z by Legendre-Gauss quadrature
 * between the kinks of S_sel). Draws use a table of the tail probability P(E' &gt;= E) on a grid of
 * 2^16 steps in ln E (Simpson per step) with the density taken constant in ln E inside a step
 * (steps of ~1e-4 in ln E; tail probabilities within 1e-8 of the exact integral). Immutable.
 */
public final class ObservedSpectrum implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int STEPS = 1 << 16;

    private final BrokenPowerLaw flux;
    /** ln E of the grid, decreasing from ln emax; tail[j] = P(E' &gt;= exp(lnE[j])), increasing from 0 to 1. */
    private final double[] lnE;
    private final double[] tail;
    /** d(ln E)/d(tail) in each step (0 for an empty step). */
    private final double[] slope;

    private ObservedSpectrum(BrokenPowerLaw flux, double[] lnE, double[] tail) {
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
    public static ObservedSpectrum of(BrokenPowerLaw flux, SelectionExposure selection) {
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
    private static double[] lnRuleEdges(SelectionExposure s) {
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

    private static double simpson(BrokenPowerLaw f, SelectionExposure s, double a, double b) {
        // one-sided limits at the ends, so that a step of S_sel at an end is taken from the inside
        double eps = 1e-12 * (b - a);
        double fa = integrand(f, s, a + eps);
        double fm = integrand(f, s, 0.5 * (a + b));
        double fb = integrand(f, s, b - eps);
        return (b - a) / 6 * (fa + 4 * fm + fb);
    }

    private static double integrand(BrokenPowerLaw f, SelectionExposure s, double u) {
        double e = Math.exp(u);
        return f.density(e) * s.mean(e) * e;
    }

    public BrokenPowerLaw flux() {
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
     * these data (4 for a fitted spectrum, 0 for a given one) are taken off the degrees of freedom
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
     * [eminGev, emaxGev] (events outside are ignored), observed through the selection's exposure.
     */
    public static BrokenPowerLaw fit(PreparedSample data, double eminGev, double emaxGev) {
        SelectionExposure sel = data.selectionExposure();
        List<Double> logs = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            double e = data.energyGev(i);
            if (e >= eminGev && e <= emaxGev) {
                logs.add(Math.log(e));
            }
        }
        if (logs.size() < 10) {
            throw new IllegalArgumentException("too few events (" + logs.size() + ") in [" + eminGev + ", " + emaxGev
                    + "] GeV to fit the spectrum");
        }
        double[] u = logs.stream().mapToDouble(Double::doubleValue).toArray();
        double lo = Math.log(eminGev);
        double hi = Math.log(emaxGev);
        // kinks and steps of S_sel: bin centres and rule edges inside the range
        TreeSet<Double> nodes = new TreeSet<>(List.of(lo, hi));
        var binning = sel.cube().binning();
        for (int k = 0; k < binning.size(); k++) {
            double c = Math.log(binning.centre(k));
            if (c > lo && c < hi) {
                nodes.add(c);
            }
        }
        for (double edge : lnRuleEdges(sel)) {
            if (edge > lo && edge < hi) {
                nodes.add(edge);
            }
        }
        double[] cuts = nodes.stream().mapToDouble(Double::doubleValue).toArray();
        ObjectiveFunction nll = new ObjectiveFunction(p -> {
            BrokenPowerLaw f = model(p, eminGev, emaxGev);
            // ln F = -gamma1 (x - ln Eb) - (gamma2 - gamma1) s ln(1 + exp((x - ln Eb) / s)), x = ln E
            double lnEb = Math.log(f.breakGev());
            double s = f.softness();
            double dg = f.gamma2() - f.gamma1();
            double sumLog = 0;
            for (double x : u) {
                double z = (x - lnEb) / s;
                double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
                sumLog += -f.gamma1() * (x - lnEb) - dg * s * softplus;
            }
            IterativeLegendreGaussIntegrator gauss = new IterativeLegendreGaussIntegrator(8, 1e-10, 1e-300);
            double z = 0;
            for (int k = 0; k + 1 < cuts.length; k++) {
                double a = cuts[k];
                double b = cuts[k + 1];
                double eps = 1e-12 * (b - a);
                z += gauss.integrate(100_000, v -> integrand(f, sel, v), a + eps, b - eps);
            }
            return -sumLog + u.length * Math.log(z);
        });
        double mid = 0.5 * (lo + hi);
        double[] start = {3.0, 0.3, mid, Math.log(0.1)};
        double[] lower = lowerBounds(lo);
        double[] upper = upperBounds(hi);
        PointValuePair best = new BOBYQAOptimizer(9, 0.5, 1e-7).optimize(new MaxEval(20_000), nll, GoalType.MINIMIZE,
                new InitialGuess(start), new SimpleBounds(lower, upper));
        return model(best.getPoint(), eminGev, emaxGev);
    }

    /** The fit's bounds on (gamma1, gamma2 - gamma1, ln E_b, ln s), ln E_b within the fitted range. */
    private static double[] lowerBounds(double lnEmin) {
        return new double[] {1.05, 0.0, lnEmin, Math.log(0.01)};
    }

    private static double[] upperBounds(double lnEmax) {
        return new double[] {6.0, 3.0, lnEmax, Math.log(2.0)};
    }

    /** The fit's parameters, in the order of the bounds. */
    private static double[] parameters(BrokenPowerLaw f) {
        return new double[] {f.gamma1(), f.gamma2() - f.gamma1(), Math.log(f.breakGev()), Math.log(f.softness())};
    }

    /**
     * The parameters of a fitted spectrum that sit on a bound of {@link #fit} (within 1e-6 of the
     * range, in the fitted coordinates): the data do not constrain them there, e.g. a softness at its
     * lower bound 0.01 (a break sharper than the fit allows) or no change of index at all. Names as in
     * cra.simulation.spectrum.
     */
    public static java.util.List<String> parametersAtBounds(BrokenPowerLaw f) {
        double[] p = parameters(f);
        double[] lower = lowerBounds(Math.log(f.eminGev()));
        double[] upper = upperBounds(Math.log(f.emaxGev()));
        String[] names = {"index", "index-high - index", "break-gev", "softness"};
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            double tol = 1e-6 * (upper[i] - lower[i]);
            if (p[i] <= lower[i] + tol) {
                out.add(names[i] + " at its lower bound " + bound(i, lower[i]));
            } else if (p[i] >= upper[i] - tol) {
                out.add(names[i] + " at its upper bound " + bound(i, upper[i]));
            }
        }
        return out;
    }

    private static String bound(int parameter, double value) {
        return String.format(java.util.Locale.ROOT, "%.4g", parameter >= 2 ? Math.exp(value) : value);
    }

    private static BrokenPowerLaw model(double[] p, double emin, double emax) {
        return new BrokenPowerLaw(p[0], p[0] + Math.max(0.0, p[1]), Math.exp(p[2]), Math.exp(p[3]), emin, emax);
    }
}
