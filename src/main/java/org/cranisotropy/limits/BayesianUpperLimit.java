package org.cranisotropy.limits;

import java.util.Objects;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.InverseErf;
import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * Fermi-LAT 2017 Bayesian upper limit on the anisotropic dipole power C1ani (method.md section 6).
 *
 * <p><b>Model.</b> The measured dipole power C1 of a map with white-noise level C_N follows
 * <pre>
 *   P(C1 | C1hat) = 3 sqrt3 / (sqrt(2 pi) C1hat) * sqrt(C1 / C1hat) * exp(-3 C1 / (2 C1hat)),
 *   C1hat = C1ani + C_N,
 * </pre>
 * the posterior over C1ani in [0, inf) is {@code post(s) ~ P(C1 | s + C_N) prior(s)} and the limit U is
 * the credible bound {@code int_0^U post = CL * int_0^inf post} (CL = 0.95 by default). As a function
 * of s the likelihood is {@code ~ (C_N + s)^(-3/2) exp(-a / (C_N + s))} with {@code a = 3 C1 / 2}.
 * C1 must be &gt; 0 (at C1 = 0 the likelihood vanishes for every C1ani).
 *
 * <p><b>Flat prior in C1ani ({@link Prior#FLAT_C1}), closed form.</b> With {@code w = a / (C_N + s)},
 * {@code ds = -a dw / w^2} and {@code (C_N + s)^(-3/2) = (w/a)^(3/2)}:
 * <pre>
 *   int_0^U (C_N+s)^(-3/2) e^(-a/(C_N+s)) ds = a^(-1/2) int_{a/(C_N+U)}^{a/C_N} w^(-1/2) e^(-w) dw
 *                                            = a^(-1/2) Gamma(1/2) [P(1/2, a/C_N) - P(1/2, a/(C_N+U))],
 * </pre>
 * P the regularized lower incomplete gamma function; U to infinity gives the normalisation, so
 * <pre>
 *   CDF(U) = [P(1/2, a/C_N) - P(1/2, a/(C_N+U))] / P(1/2, a/C_N),   P(1/2, x) = erf(sqrt x),
 * </pre>
 * and CDF(U) = CL solves in closed form: {@code z = erf^-1((1 - CL) erf(sqrt(a/C_N)))},
 * {@code U = a / z^2 - C_N}. Since erf is concave on [0, inf), {@code z <= (1 - CL) sqrt(a/C_N)}, so
 * {@code a/z^2 >= C_N / (1 - CL)^2}: U is at least {@code C_N ((1 - CL)^-2 - 1)} (399 C_N at 95 %) and
 * the subtraction loses no precision.
 *
 * <p><b>Flat prior in delta ({@link Prior#FLAT_DELTA}), one-dimensional integral.</b> The prior density
 * is {@code ~ s^(-1/2)}. Substituting {@code s = C_N tan^2(theta)}: {@code ds = 2 C_N tan(theta)
 * sec^2(theta) d theta}, {@code s^(-1/2) = C_N^(-1/2) cot(theta)},
 * {@code (C_N + s)^(-3/2) = C_N^(-3/2) cos^3(theta)}, {@code a/(C_N+s) = k cos^2(theta)} with
 * {@code k = 3 C1 / (2 C_N)}, so {@code post ds ~ 2 C_N^-1 cos(theta) e^(-k cos^2 theta) d theta}; then
 * {@code x = sin(theta)} gives
 * <pre>
 *   CDF(U) = int_0^{x_U} e^{k (t^2 - 1)} dt / int_0^1 e^{k (t^2 - 1)} dt,   x_U = sqrt(U / (U + C_N)).
 * </pre>
 * The bounded integrand has no closed-form antiderivative in the commons libraries (it is a Dawson
 * function), so it is integrated numerically. To keep full precision when k is large (mass near t = 1)
 * the code uses {@code w = 1 - t}: {@code 1 - CDF(U) = J(w_U) / J(1)},
 * {@code J(w) = int_0^w e^{-k v (2 - v)} dv}, {@code w_U = 1 - x_U = (C_N / (U + C_N)) / (1 + x_U)};
 * the integrand is cut where {@code k v (2 - v) = 60} (e^-60 is below double precision). J is
 * computed with commons-math3's {@code IterativeLegendreGaussIntegrator} (relative accuracy 1e-14),
 * the root {@code J(w_U) = (1 - CL) J(1)} with a Brent solver, and
 * {@code U = C_N (1 - w_U)^2 / (w_U (2 - w_U))}.
 *
 * <p>Both forms were checked against direct 40-digit quadrature of the posterior (see
 * src/test/python/make_golden_limits.py). The limit scales with C_N: {@code U(C1, C_N) = C_N U(C1/C_N, 1)}.
 */
public final class BayesianUpperLimit {
    /** The credibility level of Fermi-LAT 2017. */
    public static final double DEFAULT_CL = 0.95;

    /** Exponent beyond which e^-x is negligible against the integral J(1) >= ~1/(2k). */
    private static final double CUT_EXPONENT = 60;
    private static final double INTEGRATOR_RELATIVE_ACCURACY = 1e-14;
    private static final int INTEGRATOR_POINTS = 16;
    private static final int MAX_EVALUATIONS = 10_000_000;
    private static final BrentSolver SOLVER = new BrentSolver(1e-15, Double.MIN_NORMAL, 0);

    private final Prior prior;
    private final double cl;

    private BayesianUpperLimit(Prior prior, double cl) {
        this.prior = prior;
        this.cl = cl;
    }

    /** The limit with the given prior at credibility level cl in (0, 1). */
    public static BayesianUpperLimit of(Prior prior, double cl) {
        return new BayesianUpperLimit(Objects.requireNonNull(prior, "prior"), Require.level("CL", cl));
    }

    /** Flat prior in C1ani, 95 % credibility. */
    public static BayesianUpperLimit at95() {
        return of(Prior.FLAT_C1, DEFAULT_CL);
    }

    public Prior prior() {
        return prior;
    }

    public double cl() {
        return cl;
    }

    /** The upper limit from the measured dipole power {@code c1 > 0} and white-noise level {@code cn > 0}. */
    public UpperLimit limit(double c1, double cn) {
        Require.positive("C1", c1);
        Require.positive("C_N", cn);
        double alpha = 1 - cl;
        if (prior == Prior.FLAT_C1) {
            double a = 1.5 * c1;
            double z = InverseErf.value(alpha * Erf.value(Math.sqrt(a / cn)));
            return UpperLimit.ofC1ani(Math.max(0, a / (z * z) - cn));
        }
        double k = 1.5 * c1 / cn;
        double wMax = cut(k);
        double target = alpha * tail(k, wMax);
        double w = SOLVER.findRoot(v -> tail(k, v) - target, 0, wMax);
        return UpperLimit.ofC1ani(cn * (1 - w) * (1 - w) / (w * (2 - w)));
    }

    /**
     * The posterior probability that C1ani &lt;= u, by the closed form (flat-C1) or the one-dimensional
     * integral (flat-delta) of the class comment.
     */
    public double posteriorCdf(double u, double c1, double cn) {
        Require.nonNegative("C1ani", u);
        Require.positive("C1", c1);
        Require.positive("C_N", cn);
        if (prior == Prior.FLAT_C1) {
            double a = 1.5 * c1;
            return 1 - Erf.value(Math.sqrt(a / (cn + u))) / Erf.value(Math.sqrt(a / cn));
        }
        double k = 1.5 * c1 / cn;
        double x = Math.sqrt(u / (u + cn));
        double w = cn / (u + cn) / (1 + x);
        return 1 - tail(k, w) / tail(k, 1);
    }

    /** v in (0, 1] where k v (2 - v) reaches the cut exponent (1 when it never does). */
    private static double cut(double k) {
        double c = CUT_EXPONENT / k;
        return c >= 1 ? 1 : c / (1 + Math.sqrt(1 - c));
    }

    /** J(w) = int_0^w exp(-k v (2 - v)) dv, cut at {@link #cut(double)}. */
    private static double tail(double k, double w) {
        double hi = Math.min(w, cut(k));
        if (hi <= 0) {
            return 0;
        }
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(
                INTEGRATOR_POINTS, INTEGRATOR_RELATIVE_ACCURACY, Double.MIN_NORMAL, 2, 64);
        return integrator.integrate(MAX_EVALUATIONS, v -> Math.exp(-k * v * (2 - v)), 0, hi);
    }
}
