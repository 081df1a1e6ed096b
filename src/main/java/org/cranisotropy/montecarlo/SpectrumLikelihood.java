package org.cranisotropy.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
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
import org.cranisotropy.events.DoubleBrokenPowerLaw;
import org.cranisotropy.events.FluxSpectrum;

/**
 * The unbinned likelihood of the data's selected energies in [emin, emax] under a flux F seen
 * through the selection's exposure (method.md section 5): each energy has density
 * g(E) = F(E) S_sel(E) / Z, Z = integral of F S_sel over [emin, emax], so
 * <pre>  ln L(F) = sum_i ln F(E_i) - n ln Z(F) + sum_i ln S_sel(E_i),</pre>
 * the last sum the same for every F. Z by Legendre-Gauss quadrature in ln E between the kinks of
 * S_sel (its bin centres) and the steps where the selection adds classes.
 *
 * <p>Two fits maximise it with Commons Math BOBYQA, on a binned approximation of it whose cost does not
 * grow with the number of events ({@link #fastNll}); the fits' ln L are exact. {@link #fitSingle} the smoothly broken power law
 * (gamma1, gamma2 - gamma1 &gt;= 0, ln E_b, ln s), {@link #fitDouble} the double one with one softness
 * for both breaks (gamma1, gamma2 - gamma1, gamma3 - gamma2 of either sign, ln E_b1, the position of
 * E_b2 between E_b1 x 2 and emax, ln s): two parameters more than the single, which it contains
 * (gamma3 = gamma2). The double fit is local optimisation from seven starts (the single embedded with
 * a new break above or below its own; hardening-then-softening shapes at four pairs of break
 * positions, and one softening-then-hardening), on a fast approximation of the likelihood; the
 * optima and the single embedded are compared by the exact likelihood, so the double's ln L is never
 * below the single's. Errors: the inverse of the Hessian of -ln L by central differences in the
 * natural parameters (indices, ln of the breaks, ln s). Immutable.
 */
public final class SpectrumLikelihood {
    /** Central-difference step of the Hessian in every natural parameter (indices, ln E, ln s). */
    private static final double STEP = 0.01;

    private final SelectionExposure sel;
    private final double eminGev;
    private final double emaxGev;
    /** ln E of the events in [emin, emax]. */
    private final double[] u;
    /** ln E of the ends, the exposure's bin centres and the selection's edges inside, increasing. */
    private final double[] cuts;
    /** sum_i ln S_sel(E_i): the part of ln L that no flux changes. */
    private final double lnExposureSum;
    /** The events in bins of {@value #BIN} in ln E: the mean ln E and the count of each non-empty bin. */
    private final double[] binMean;
    private final double[] binCount;

    /** ln E and weight x S_sel(E) E of the nodes of the fixed quadrature of Z (see {@link #fastNll}). */
    private final double[] node;
    private final double[] nodeWeight;

    /** Width in ln E of the bins of the approximate likelihood the double fit's optimiser works on. */
    static final double BIN = 5e-3;
    /** Width in ln E of the sub-intervals of the fixed quadrature (8-point Legendre-Gauss each). */
    static final double SUBINTERVAL = 0.05;

    private SpectrumLikelihood(SelectionExposure sel, double eminGev, double emaxGev, double[] u, double[] cuts,
            double lnExposureSum) {
        this.sel = sel;
        this.eminGev = eminGev;
        this.emaxGev = emaxGev;
        this.u = u;
        this.cuts = cuts;
        this.lnExposureSum = lnExposureSum;
        double lo = Math.log(eminGev);
        java.util.TreeMap<Long, double[]> bins = new java.util.TreeMap<>();
        for (double x : u) {
            double[] b = bins.computeIfAbsent((long) Math.floor((x - lo) / BIN), k -> new double[2]);
            b[0] += x;
            b[1]++;
        }
        this.binMean = bins.values().stream().mapToDouble(b -> b[0] / b[1]).toArray();
        this.binCount = bins.values().stream().mapToDouble(b -> b[1]).toArray();
        List<double[]> nodes = new ArrayList<>();
        var factory = new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory();
        for (int k = 0; k + 1 < cuts.length; k++) {
            int m = (int) Math.ceil((cuts[k + 1] - cuts[k]) / SUBINTERVAL);
            double h = (cuts[k + 1] - cuts[k]) / m;
            for (int j = 0; j < m; j++) {
                var rule = factory.legendre(8, cuts[k] + j * h, j + 1 == m ? cuts[k + 1] : cuts[k] + (j + 1) * h);
                for (int i = 0; i < rule.getNumberOfPoints(); i++) {
                    double v = rule.getPoint(i);
                    nodes.add(new double[] {v, rule.getWeight(i) * sel.mean(Math.exp(v)) * Math.exp(v)});
                }
            }
        }
        this.node = nodes.stream().mapToDouble(n -> n[0]).toArray();
        this.nodeWeight = nodes.stream().mapToDouble(n -> n[1]).toArray();
    }

    /**
     * The approximation of {@link #negLogLikelihood} the double fit's optimiser and the errors work on:
     * the events in bins of {@value #BIN} in ln E, each at its events' mean ln E (off by about half
     * ln F'' times the variance of ln E inside a bin, ~1e-7 per event at a break of softness 0.01), and
     * Z by a fixed composite 8-point Legendre-Gauss rule on sub-intervals of {@value #SUBINTERVAL} in
     * ln E between the kinks and steps of S_sel (S_sel precomputed at the nodes): fast, and a smooth
     * function of the parameters.
     */
    private double fastNll(DoubleUnaryOperator lnFlux) {
        double sumLog = 0;
        for (int b = 0; b < binMean.length; b++) {
            sumLog += binCount[b] * lnFlux.applyAsDouble(binMean[b]);
        }
        double z = 0;
        for (int j = 0; j < node.length; j++) {
            z += nodeWeight[j] * Math.exp(lnFlux.applyAsDouble(node[j]));
        }
        return -sumLog + u.length * Math.log(z);
    }

    /** The likelihood of the data's selected energies in [eminGev, emaxGev] (events outside are ignored). */
    public static SpectrumLikelihood of(PreparedSample data, double eminGev, double emaxGev) {
        SelectionExposure sel = data.selectionExposure();
        double[] all = new double[data.size()]; // unboxed: millions of events
        int n = 0;
        double lnS = 0;
        for (int i = 0; i < data.size(); i++) {
            double e = data.energyGev(i);
            if (e >= eminGev && e <= emaxGev) {
                all[n++] = Math.log(e);
                lnS += Math.log(sel.mean(e));
            }
        }
        if (n < 10) {
            throw new IllegalArgumentException("too few events (" + n + ") in [" + eminGev + ", " + emaxGev
                    + "] GeV to fit the spectrum");
        }
        double[] u = java.util.Arrays.copyOf(all, n);
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
        for (double edge : ObservedSpectrum.lnRuleEdges(sel)) {
            if (edge > lo && edge < hi) {
                nodes.add(edge);
            }
        }
        double[] cuts = nodes.stream().mapToDouble(Double::doubleValue).toArray();
        return new SpectrumLikelihood(sel, eminGev, emaxGev, u, cuts, lnS);
    }

    /** The number of events in the range. */
    public int events() {
        return u.length;
    }

    /**
     * -sum_i ln F(E_i) + n ln Z(F), i.e. -ln L up to the flux-independent sum_i ln S_sel(E_i);
     * lnFlux(ln E) must be ln of f's density.
     */
    private double negLogLikelihood(FluxSpectrum f, DoubleUnaryOperator lnFlux) {
        return negLogLikelihood(f, lnFlux, cuts);
    }

    /** As above, Z integrated piece by piece between the given cuts. */
    private double negLogLikelihood(FluxSpectrum f, DoubleUnaryOperator lnFlux, double[] pieces) {
        double sumLog = 0;
        for (double x : u) {
            sumLog += lnFlux.applyAsDouble(x);
        }
        IterativeLegendreGaussIntegrator gauss = new IterativeLegendreGaussIntegrator(8, 1e-10, 1e-300);
        double z = 0;
        for (int k = 0; k + 1 < pieces.length; k++) {
            double a = pieces[k];
            double b = pieces[k + 1];
            double eps = 1e-12 * (b - a);
            z += gauss.integrate(100_000, v -> ObservedSpectrum.integrand(f, sel, v), a + eps, b - eps);
        }
        return -sumLog + u.length * Math.log(z);
    }

    /** ln L of a flux on this range (see the class comment). */
    public double logLikelihood(FluxSpectrum f) {
        if (f instanceof BrokenPowerLaw b) {
            return lnExposureSum - negLogLikelihood(f, singleLnFlux(b));
        }
        DoubleBrokenPowerLaw d = (DoubleBrokenPowerLaw) f;
        return lnExposureSum - negLogLikelihood(f, d::lnDensity, cutsAround(Math.log(d.break1Gev()),
                Math.log(d.break2Gev()), Math.min(d.softness1(), d.softness2())));
    }

    /**
     * The cuts of Z with more around two breaks of softness s: at each break and 2, 6 and 20 s to either
     * side, so that a sharp break lies between short pieces, each smooth enough for the quadrature.
     */
    private double[] cutsAround(double lnBreak1, double lnBreak2, double s) {
        TreeSet<Double> all = new TreeSet<>();
        for (double c : cuts) {
            all.add(c);
        }
        double lo = cuts[0];
        double hi = cuts[cuts.length - 1];
        for (double b : new double[] {lnBreak1, lnBreak2}) {
            for (double k : new double[] {-20, -6, -2, 0, 2, 6, 20}) {
                double c = b + k * s;
                if (c > lo && c < hi) {
                    all.add(c);
                }
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** ln F = -gamma1 (x - ln Eb) - (gamma2 - gamma1) s softplus((x - ln Eb) / s), x = ln E. */
    private static DoubleUnaryOperator singleLnFlux(BrokenPowerLaw f) {
        double lnEb = Math.log(f.breakGev());
        double s = f.softness();
        double dg = f.gamma2() - f.gamma1();
        double g1 = f.gamma1();
        return x -> -g1 * (x - lnEb) - dg * s * DoubleBrokenPowerLaw.softplus((x - lnEb) / s);
    }

    /** -ln L of the single break on the binned approximation ({@link #fastNll}): what its optimiser works on. */
    private double singleNll(double[] p) {
        return fastNll(singleLnFlux(single(p, eminGev, emaxGev)));
    }

    /**
     * -ln L (up to the exposure sum) of the double spectrum (gamma1, gamma2, gamma3, ln Eb1, ln Eb2, ln s):
     * exact, or fast ({@link #fastNll}).
     */
    private double doubleNll(double[] natural, boolean fast) {
        double g1 = natural[0];
        double d2 = natural[1] - natural[0];
        double d3 = natural[2] - natural[1];
        double l1 = natural[3];
        double l2 = Math.max(l1, natural[4]);
        double s = Math.exp(natural[5]);
        DoubleUnaryOperator lnFlux = x -> -g1 * (x - l1) - d2 * s * DoubleBrokenPowerLaw.softplus((x - l1) / s)
                - d3 * s * DoubleBrokenPowerLaw.softplus((x - l2) / s);
        return fast ? fastNll(lnFlux) : negLogLikelihood(doubleOf(natural, eminGev, emaxGev), lnFlux,
                cutsAround(l1, l2, s));
    }

    // ---- the single break: (gamma1, gamma2 - gamma1, ln Eb, ln s)

    /** The fit's bounds on (gamma1, gamma2 - gamma1, ln E_b, ln s), ln E_b within the fitted range. */
    static double[] lowerBounds(double lnEmin) {
        return new double[] {1.05, 0.0, lnEmin, Math.log(0.01)};
    }

    static double[] upperBounds(double lnEmax) {
        return new double[] {6.0, 3.0, lnEmax, Math.log(2.0)};
    }

    /** The fit's parameters, in the order of the bounds. */
    private static double[] parameters(BrokenPowerLaw f) {
        return new double[] {f.gamma1(), f.gamma2() - f.gamma1(), Math.log(f.breakGev()), Math.log(f.softness())};
    }

    private static BrokenPowerLaw single(double[] p, double emin, double emax) {
        return new BrokenPowerLaw(p[0], p[0] + Math.max(0.0, p[1]), Math.exp(p[2]), Math.exp(p[3]), emin, emax);
    }

    /** See {@link ObservedSpectrum#parametersAtBounds}. */
    static List<String> parametersAtBounds(BrokenPowerLaw f) {
        return atBounds(parameters(f), lowerBounds(Math.log(f.eminGev())), upperBounds(Math.log(f.emaxGev())),
                new String[] {"index", "index-high - index", "break-gev", "softness"}, new boolean[] {false, false,
                    true, true});
    }

    private static List<String> atBounds(double[] p, double[] lower, double[] upper, String[] names, boolean[] log) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            double tol = 1e-6 * (upper[i] - lower[i]);
            if (p[i] <= lower[i] + tol) {
                out.add(names[i] + " at its lower bound " + bound(log[i], lower[i]));
            } else if (p[i] >= upper[i] - tol) {
                out.add(names[i] + " at its upper bound " + bound(log[i], upper[i]));
            }
        }
        return out;
    }

    private static String bound(boolean log, double value) {
        return String.format(Locale.ROOT, "%.4g", log ? Math.exp(value) : value);
    }

    /**
     * The maximum-likelihood smoothly broken power law (hardening excluded: gamma2 &gt;= gamma1), found on the
     * binned approximation of the likelihood ({@link #fastNll}: its cost does not grow with the number of
     * events; the exact one sums over every event at every step); its ln L is then the exact one.
     */
    public BrokenPowerLaw fitSingleFlux() {
        double lo = Math.log(eminGev);
        double hi = Math.log(emaxGev);
        double mid = 0.5 * (lo + hi);
        double[] start = {3.0, 0.3, mid, Math.log(0.1)};
        PointValuePair best = new BOBYQAOptimizer(9, 0.5, 1e-7).optimize(new MaxEval(20_000),
                new ObjectiveFunction(this::singleNll), GoalType.MINIMIZE, new InitialGuess(start),
                new SimpleBounds(lowerBounds(lo), upperBounds(hi)));
        return single(best.getPoint(), eminGev, emaxGev);
    }

    /** {@link #fitSingleFlux} with its log-likelihood and errors. */
    public SpectrumFit fitSingle() {
        BrokenPowerLaw f = fitSingleFlux();
        List<String> bounds = parametersAtBounds(f);
        double[] natural = {f.gamma1(), f.gamma2(), Math.log(f.breakGev()), Math.log(f.softness())};
        // errors in the natural parameters, through the double's form (gamma3 = gamma2, Eb2 = Eb), which
        // allows the steps of gamma2 below gamma1 that the single's bounds exclude
        boolean[] free = {!bounds.stream().anyMatch(b -> b.startsWith("index at")),
            !bounds.stream().anyMatch(b -> b.startsWith("index-high")), !bounds.stream().anyMatch(b -> b.startsWith(
                    "break")), !bounds.stream().anyMatch(b -> b.startsWith("softness"))};
        double[] errors = errors(q -> doubleNll(new double[] {q[0], q[1], q[1], q[2], q[2], q[3]}, true), natural,
                free);
        return new SpectrumFit(f, logLikelihood(f), 4, List.of("gamma1", "gamma2", "ln break", "ln softness"), natural,
                errors, bounds);
    }

    // ---- two breaks: (gamma1, gamma2 - gamma1, gamma3 - gamma2, ln Eb1, t, ln s),
    // ln Eb2 = ln Eb1 + SEPARATION + t (ln emax - ln Eb1 - SEPARATION)

    /** The least ln(E_b2 / E_b1) of the double fit: breaks at least a factor 2 apart. */
    public static final double SEPARATION = Math.log(2.0);

    private static final String[] DOUBLE_NAMES = {"index", "index-mid - index", "index-high - index-mid", "break1-gev",
        "break2 position", "softness"};

    /** Whether [emin, emax] is wide enough for the double fit (a factor 4: two breaks a factor 2 apart inside). */
    public boolean allowsTwoBreaks() {
        return Math.log(emaxGev) - Math.log(eminGev) >= 2 * SEPARATION;
    }

    private double[] doubleLower() {
        return new double[] {1.05, -3.0, -3.0, Math.log(eminGev), 0.0, Math.log(0.01)};
    }

    private double[] doubleUpper() {
        return new double[] {6.0, 3.0, 3.0, Math.log(emaxGev) - SEPARATION, 1.0, Math.log(2.0)};
    }

    /** Optimiser coordinates to the natural (gamma1, gamma2, gamma3, ln Eb1, ln Eb2, ln s). */
    private double[] natural(double[] q) {
        double hi = Math.log(emaxGev);
        double l2 = q[3] + SEPARATION + q[4] * Math.max(0.0, hi - q[3] - SEPARATION);
        return new double[] {q[0], q[0] + q[1], q[0] + q[1] + q[2], q[3], l2, q[5]};
    }

    /** The position t of ln Eb2 for a given ln Eb1 (inverse of {@link #natural}). */
    private double position(double lnEb1, double lnEb2) {
        double room = Math.log(emaxGev) - lnEb1 - SEPARATION;
        return room > 0 ? Math.min(1.0, Math.max(0.0, (lnEb2 - lnEb1 - SEPARATION) / room)) : 0.0;
    }

    private static DoubleBrokenPowerLaw doubleOf(double[] n, double emin, double emax) {
        double s = Math.exp(n[5]);
        double b1 = Math.exp(n[3]);
        return new DoubleBrokenPowerLaw(n[0], n[1], n[2], b1, s, Math.max(b1, Math.exp(n[4])), s, emin, emax);
    }

    /**
     * The maximum-likelihood double broken power law (one softness for both breaks, breaks at least a
     * factor 2 apart), started from the single fit: the result's ln L is at least the single's.
     * BOBYQA works on the likelihood with the energies in bins of {@value #BIN} in ln E (each at its
     * events' mean ln E); the starts' optima and the single embedded are then compared by the exact
     * likelihood.
     */
    public SpectrumFit fitDouble(SpectrumFit singleFit) {
        if (!allowsTwoBreaks()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the spectrum's range [%g, %g] GeV is too "
                    + "narrow for two breaks a factor 2 apart", eminGev, emaxGev));
        }
        BrokenPowerLaw s = (BrokenPowerLaw) singleFit.flux();
        double lo = Math.log(eminGev);
        double hi = Math.log(emaxGev);
        double g1 = s.gamma1();
        double d = s.gamma2() - s.gamma1();
        double lnEb = Math.log(s.breakGev());
        double lns = Math.log(s.softness());
        double[] lower = doubleLower();
        double[] upper = doubleUpper();
        // the single embedded (gamma3 = gamma2 with the single's break as the first, or gamma2 = gamma1 with it
        // as the second): the same flux, the floor of the fit
        List<double[]> embedded = new ArrayList<>();
        if (lnEb <= upper[3]) {
            embedded.add(new double[] {g1, d, 0.0, lnEb, 0.5, lns});
        }
        if (lnEb >= lo + SEPARATION) {
            double below = Math.max(lo, Math.min(0.5 * (lo + lnEb), lnEb - SEPARATION));
            embedded.add(new double[] {g1, 0.0, d, below, position(below, lnEb), lns});
        }
        List<double[]> starts = new ArrayList<>(embedded);
        // a hardening then a softening, and the reverse, with the breaks at fractions of the range in ln E
        for (double[] at : new double[][] {{1 / 3.0, 2 / 3.0}, {0.2, 0.5}, {0.5, 0.8}, {0.2, 0.8}}) {
            double l1 = lo + at[0] * (hi - lo);
            double t = position(l1, lo + at[1] * (hi - lo));
            starts.add(new double[] {g1, -0.2, Math.max(0.2, d + 0.2), l1, t, Math.log(0.1)});
            if (at[0] == 1 / 3.0) {
                starts.add(new double[] {g1, Math.max(0.2, d), -0.2, l1, t, Math.log(0.1)});
            }
        }
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        List<double[]> candidates = new ArrayList<>(embedded);
        for (double[] start : starts) {
            double[] x = start.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
            }
            candidates.add(new BOBYQAOptimizer(13, 0.3, 1e-5).optimize(new MaxEval(20_000),
                    new ObjectiveFunction(q -> doubleNll(natural(q), true)), GoalType.MINIMIZE, new InitialGuess(x),
                    new SimpleBounds(lower, upper)).getPoint());
        }
        for (double[] c : candidates) {
            double v = doubleNll(natural(c), false);
            if (v < bestValue) {
                bestValue = v;
                best = c;
            }
        }
        double[] n = natural(best);
        DoubleBrokenPowerLaw f = doubleOf(n, eminGev, emaxGev);
        List<String> bounds = atBounds(best, lower, upper, DOUBLE_NAMES, new boolean[] {false, false, false, true,
            false, true});
        boolean[] free = new boolean[6];
        for (int i = 0; i < 6; i++) {
            String name = DOUBLE_NAMES[i];
            free[i] = bounds.stream().noneMatch(b -> b.startsWith(name + " at"));
        }
        // a bound of a coordinate pins the natural parameter of the same place (gamma2 for the first change of
        // index, gamma3 for the second, ln Eb2 for the position of the second break)
        double[] errors = errors(x -> doubleNll(x, true), n, free);
        return new SpectrumFit(f, lnExposureSum - bestValue, 6, List.of("gamma1", "gamma2", "gamma3", "ln break1",
                "ln break2", "ln softness"), n, errors, bounds);
    }

    /**
     * 1-sigma errors of the free parameters: the square roots of the diagonal of the inverse of the
     * Hessian of nll at x (central differences of step {@value #STEP}); NaN for a fixed parameter or
     * where the Hessian is singular or not positive definite.
     */
    private static double[] errors(java.util.function.ToDoubleFunction<double[]> nll, double[] x, boolean[] free) {
        int[] idx = java.util.stream.IntStream.range(0, x.length).filter(i -> free[i]).toArray();
        double[] out = new double[x.length];
        java.util.Arrays.fill(out, Double.NaN);
        int k = idx.length;
        if (k == 0) {
            return out;
        }
        double f0 = nll.applyAsDouble(x);
        double[][] h = new double[k][k];
        try {
            for (int a = 0; a < k; a++) {
                double fp = nll.applyAsDouble(shift(x, idx[a], STEP, -1, 0));
                double fm = nll.applyAsDouble(shift(x, idx[a], -STEP, -1, 0));
                h[a][a] = (fp - 2 * f0 + fm) / (STEP * STEP);
                for (int b = 0; b < a; b++) {
                    double pp = nll.applyAsDouble(shift(x, idx[a], STEP, idx[b], STEP));
                    double pm = nll.applyAsDouble(shift(x, idx[a], STEP, idx[b], -STEP));
                    double mp = nll.applyAsDouble(shift(x, idx[a], -STEP, idx[b], STEP));
                    double mm = nll.applyAsDouble(shift(x, idx[a], -STEP, idx[b], -STEP));
                    h[a][b] = (pp - pm - mp + mm) / (4 * STEP * STEP);
                    h[b][a] = h[a][b];
                }
            }
            RealMatrix cov = new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver().getInverse();
            for (int a = 0; a < k; a++) {
                double v = cov.getEntry(a, a);
                out[idx[a]] = v > 0 ? Math.sqrt(v) : Double.NaN;
            }
        } catch (IllegalArgumentException | org.apache.commons.math3.exception.MathIllegalStateException e) {
            // a step outside the model's domain, or a singular Hessian: no errors
        }
        return out;
    }

    private static double[] shift(double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        if (j >= 0) {
            y[j] += dj;
        }
        return y;
    }
}
