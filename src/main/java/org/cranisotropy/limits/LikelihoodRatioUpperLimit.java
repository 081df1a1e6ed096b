package org.cranisotropy.limits;

import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * Fermi-LAT 2017 frequentist upper limit on the anisotropic dipole power C1ani (method.md section 6):
 * the C1ani above the maximum-likelihood point where the likelihood-ratio statistic reaches a
 * threshold (3.841, the 95 % point of chi^2 with one degree of freedom, by default),
 *
 * <pre>
 *   -2 ln lambda(C1ani) = 3 (ln((C1ani + C_N) / C1) + C1 / (C1ani + C_N) - 1)          if C1 &gt; C_N,
 *                       = 3 (ln((C1ani + C_N) / C_N) + C1 / (C1ani + C_N) - C1 / C_N)  otherwise.
 * </pre>
 *
 * <p>This is -2 ln of the likelihood P(C1 | C1hat) (see {@link BayesianUpperLimit}) relative to its
 * maximum over C1ani &gt;= 0: at C1ani = C1 - C_N when C1 &gt; C_N, at the boundary C1ani = 0
 * otherwise. Its derivative {@code 3 (C1ani + C_N - C1) / (C1ani + C_N)^2} is positive above that
 * point, so the statistic rises monotonically from 0 and the upper root is unique. When C1 &gt; C_N
 * and -2 ln lambda(0) exceeds the threshold there is a second root below the maximum (a lower limit);
 * it is not the one returned. The root is bracketed by doubling the step above the maximum and
 * found with a Brent solver to full double precision. The limit on delta is
 * {@code 3 sqrt(C1ani / (4 pi))}.
 */
public final class LikelihoodRatioUpperLimit {
    /** chi^2 (1 d.o.f.) 95 % quantile used by Fermi-LAT 2017. */
    public static final double DEFAULT_THRESHOLD = 3.841;

    private static final BrentSolver SOLVER = new BrentSolver(1e-16, Double.MIN_NORMAL, 0);
    private static final int MAX_DOUBLINGS = 2000;

    private final double threshold;

    private LikelihoodRatioUpperLimit(double threshold) {
        this.threshold = threshold;
    }

    /** The limit where -2 ln lambda reaches {@code threshold} (finite, > 0). */
    public static LikelihoodRatioUpperLimit withThreshold(double threshold) {
        return new LikelihoodRatioUpperLimit(Require.positive("threshold", threshold));
    }

    /** The limit at the default threshold 3.841 (95 % CL). */
    public static LikelihoodRatioUpperLimit at95() {
        return withThreshold(DEFAULT_THRESHOLD);
    }

    public double threshold() {
        return threshold;
    }

    /**
     * The upper limit from the measured dipole power {@code c1 >= 0} and the white-noise level
     * {@code cn > 0} (see {@link WhiteNoise}).
     */
    public UpperLimit limit(double c1, double cn) {
        Require.nonNegative("C1", c1);
        Require.positive("C_N", cn);
        double s0 = maximumLikelihood(c1, cn);
        double step = Math.max(c1, cn);
        double hi = s0 + step;
        for (int i = 0; minusTwoLnLambda(hi, c1, cn) < threshold; i++) {
            if (i == MAX_DOUBLINGS || Double.isInfinite(hi)) {
                throw new IllegalArgumentException("no upper limit: -2 ln lambda stays below " + threshold);
            }
            step *= 2;
            hi = s0 + step;
        }
        double root = SOLVER.findRoot(s -> minusTwoLnLambda(s, c1, cn) - threshold, s0, hi);
        return UpperLimit.ofC1ani(root);
    }

    /** The maximum-likelihood C1ani: {@code max(C1 - C_N, 0)}. */
    public static double maximumLikelihood(double c1, double cn) {
        return c1 > cn ? c1 - cn : 0;
    }

    /** The statistic -2 ln lambda(C1ani) of the class comment (C1ani >= 0, C1 >= 0, C_N > 0). */
    public static double minusTwoLnLambda(double c1ani, double c1, double cn) {
        double chat = c1ani + cn;
        if (c1 > cn) {
            return 3 * (Math.log(chat / c1) + c1 / chat - 1);
        }
        return 3 * (Math.log(chat / cn) + c1 / chat - c1 / cn);
    }
}
