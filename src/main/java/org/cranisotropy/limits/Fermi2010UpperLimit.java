package org.cranisotropy.limits;

import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * Fermi-LAT 2010 upper limit on the dipole amplitude from a measured amplitude (method.md section 6,
 * eq. 2.3 of the CALET ICRC 2019 anisotropy paper): the limit at confidence level CL is the delta
 * for which the probability of measuring delta_meas or less is 1 - CL,
 *
 * <pre>
 *   (3 sqrt6 / (sqrt(pi) delta^3)) * int_0^{delta_meas} x^2 exp(-3 x^2 / (2 delta^2)) dx = 1 - CL.
 * </pre>
 *
 * <p>The integrand is the Maxwell density with scale {@code a = delta / sqrt3}
 * ({@code sqrt(2/pi) x^2 exp(-x^2 / (2 a^2)) / a^3}), so the left side is the Maxwell CDF
 * {@code G(u) = erf(u / sqrt2) - sqrt(2/pi) u exp(-u^2 / 2)} at {@code u = sqrt3 delta_meas / delta}.
 * G depends on u only, so the limit is {@code UL = sqrt3 delta_meas / u*} with {@code G(u*) = 1 - CL}:
 * exactly proportional to delta_meas. u* is found once per CL with a Brent root finder.
 *
 * <p>G is evaluated as the regularized lower incomplete gamma function {@code P(3/2, u^2/2)}, which is
 * the same function ({@code P(3/2, x) = erf(sqrt x) - 2 sqrt(x/pi) e^-x}) without the cancellation of
 * the erf form at small u (CL near 1), so u* is found to full double precision for every CL.
 * At CL = 0.95, u* = 0.59317 and UL = 2.9200 delta_meas.
 */
public final class Fermi2010UpperLimit {
    /** The confidence level of Fermi-LAT 2010 and CALET. */
    public static final double DEFAULT_CL = 0.95;

    private static final double SQRT3 = Math.sqrt(3);
    /** P(3/2, u^2/2) = 1 to double precision well before u = 64. */
    private static final double U_MAX = 64;
    private static final BrentSolver SOLVER = new BrentSolver(1e-16, Double.MIN_NORMAL, 0);

    private final double cl;
    private final double uStar;

    private Fermi2010UpperLimit(double cl) {
        this.cl = cl;
        double alpha = 1 - cl;
        this.uStar = SOLVER.findRoot(u -> maxwellCdf(u) - alpha, 0, U_MAX);
    }

    /** The limit at the given confidence level, in (0, 1). */
    public static Fermi2010UpperLimit atCl(double cl) {
        return new Fermi2010UpperLimit(Require.level("CL", cl));
    }

    /** The 95 % CL limit. */
    public static Fermi2010UpperLimit at95() {
        return atCl(DEFAULT_CL);
    }

    public double cl() {
        return cl;
    }

    /** u* = sqrt3 delta_meas / UL, the (1 - CL) quantile of the unit Maxwell distribution. */
    public double uStar() {
        return uStar;
    }

    /** The upper limit on delta from the measured amplitude delta_meas >= 0 (0 gives 0). */
    public double ulDelta(double deltaMeas) {
        Require.nonNegative("delta_meas", deltaMeas);
        return SQRT3 / uStar * deltaMeas;
    }

    /** The upper limit as an {@link UpperLimit} (C1ani = 4 pi UL^2 / 9). */
    public UpperLimit limit(double deltaMeas) {
        return UpperLimit.ofDelta(ulDelta(deltaMeas));
    }

    /**
     * The left side of eq. 2.3: the probability to measure an amplitude <= deltaMeas when the true
     * amplitude is delta > 0, {@code G(sqrt3 deltaMeas / delta)}.
     */
    public static double probabilityAtMost(double deltaMeas, double delta) {
        Require.nonNegative("delta_meas", deltaMeas);
        Require.positive("delta", delta);
        return maxwellCdf(SQRT3 * deltaMeas / delta);
    }

    /** Unit Maxwell CDF G(u) = P(3/2, u^2/2) = erf(u/sqrt2) - sqrt(2/pi) u exp(-u^2/2). */
    static double maxwellCdf(double u) {
        return RegularizedGamma.P.value(1.5, 0.5 * u * u);
    }
}
