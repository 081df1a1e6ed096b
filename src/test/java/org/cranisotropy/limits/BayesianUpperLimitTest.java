package org.cranisotropy.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

class BayesianUpperLimitTest {
    /** P(C1 | C1hat) of method.md section 6, as written there. */
    static double likelihood(double c1, double c1hat) {
        return 3 * Math.sqrt(3) / (Math.sqrt(2 * Math.PI) * c1hat) * Math.sqrt(c1 / c1hat)
                * Math.exp(-3 * c1 / (2 * c1hat));
    }

    static double integrate(DoubleUnaryOperator f, double lo, double hi) {
        IterativeLegendreGaussIntegrator quad = new IterativeLegendreGaussIntegrator(20, 1e-13, 1e-300, 2, 64);
        return quad.integrate(10_000_000, f::applyAsDouble, lo, hi);
    }

    /**
     * Posterior mass below u by direct quadrature of likelihood x prior, independent of the closed
     * forms: [0, u] in s (flat-C1) or in q = sqrt(s) (flat-delta, removes s^-1/2); [u, inf) with
     * s = u / r^2 (smooth on (0, 1]).
     */
    static double directCdf(Prior prior, double u, double c1, double cn) {
        DoubleUnaryOperator post = s -> likelihood(c1, s + cn) * (prior == Prior.FLAT_C1 ? 1 : 1 / Math.sqrt(s));
        double head = prior == Prior.FLAT_C1
                ? integrate(post, 0, u)
                : integrate(q -> q == 0 ? 0 : post.applyAsDouble(q * q) * 2 * q, 0, Math.sqrt(u));
        double tail = integrate(r -> r == 0 ? 0 : post.applyAsDouble(u / (r * r)) * 2 * u / (r * r * r), 0, 1);
        return head / (head + tail);
    }

    @Test
    void posteriorMassBelowTheLimitIsTheCredibilityByDirectIntegration() {
        for (Prior prior : Prior.values()) {
            for (double cl : new double[] {0.95, 0.9, 0.68}) {
                BayesianUpperLimit b = BayesianUpperLimit.of(prior, cl);
                for (double cn : new double[] {1e-4, 2.5}) {
                    for (double ratio : new double[] {0.05, 0.3, 1, 2.2, 8, 25}) {
                        double c1 = ratio * cn;
                        double ul = b.limit(c1, cn).ulC1ani();
                        String what = prior + " CL " + cl + " C1/C_N " + ratio + " C_N " + cn;
                        assertEquals(cl, directCdf(prior, ul, c1, cn), 1e-10, what);
                        assertEquals(cl, b.posteriorCdf(ul, c1, cn), 1e-12, what);
                    }
                }
            }
        }
    }

    @Test
    void closedFormCdfEqualsDirectIntegrationAwayFromTheLimit() {
        for (Prior prior : Prior.values()) {
            BayesianUpperLimit b = BayesianUpperLimit.of(prior, 0.95);
            for (double u : new double[] {0.01, 0.5, 3, 40, 900}) {
                assertEquals(directCdf(prior, u, 1.7, 0.9), b.posteriorCdf(u, 1.7, 0.9), 1e-11, prior + " U " + u);
            }
            assertEquals(0.0, b.posteriorCdf(0, 1.7, 0.9), 1e-15);
        }
    }

    @Test
    void flatC1LimitIsAtLeast399CnAt95Percent() {
        // erf concave: U >= C_N ((1 - CL)^-2 - 1), approached as C1 / C_N -> 0
        BayesianUpperLimit b = BayesianUpperLimit.at95();
        double cn = 0.7;
        assertEquals(399 * cn, b.limit(1e-12 * cn, cn).ulC1ani(), 1e-9 * 399 * cn);
        for (double ratio : new double[] {0.1, 1, 10, 100}) {
            assertTrue(b.limit(ratio * cn, cn).ulC1ani() >= 399 * cn);
        }
    }

    @Test
    void limitScalesWithCnAndIsFiniteForExtremeRatios() {
        for (Prior prior : Prior.values()) {
            BayesianUpperLimit b = BayesianUpperLimit.of(prior, 0.95);
            UpperLimit one = b.limit(3.0, 1.0);
            UpperLimit small = b.limit(3.0e-6, 1.0e-6);
            assertEquals(one.ulC1ani() * 1e-6, small.ulC1ani(), 1e-12 * small.ulC1ani(), prior.toString());
            for (double ratio : new double[] {1e-9, 1e-3, 1e3, 1e6}) {
                double ul = b.limit(ratio, 1).ulC1ani();
                assertTrue(ul > 0 && Double.isFinite(ul), prior + " ratio " + ratio + " -> " + ul);
                assertEquals(0.95, b.posteriorCdf(ul, ratio, 1), 1e-9, prior + " ratio " + ratio);
            }
        }
    }

    @Test
    void flatDeltaPriorGivesTheLowerLimit() {
        // the C1ani^-1/2 prior puts more weight at small C1ani
        for (double ratio : new double[] {0.2, 1, 5}) {
            assertTrue(BayesianUpperLimit.of(Prior.FLAT_DELTA, 0.95).limit(ratio, 1).ulC1ani()
                    < BayesianUpperLimit.at95().limit(ratio, 1).ulC1ani());
        }
    }

    @Test
    void badInputsAreRejectedWithTheValue() {
        BayesianUpperLimit b = BayesianUpperLimit.at95();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.limit(0, 1));
        assertTrue(e.getMessage().contains("C1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.limit(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> b.limit(1, -1));
        assertThrows(IllegalArgumentException.class, () -> b.limit(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> b.limit(1, Double.NaN));
        for (double cl : new double[] {0, 1, 2, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> BayesianUpperLimit.of(Prior.FLAT_DELTA, cl));
        }
        assertThrows(NullPointerException.class, () -> BayesianUpperLimit.of(null, 0.95));
        e = assertThrows(IllegalArgumentException.class, () -> Prior.parse("jeffreys"));
        assertTrue(e.getMessage().contains("jeffreys") && e.getMessage().contains("flat-delta"), e.getMessage());
        assertEquals(Prior.FLAT_DELTA, Prior.parse("FLAT_DELTA"));
    }
}
