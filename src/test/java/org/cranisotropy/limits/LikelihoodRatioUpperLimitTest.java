package org.cranisotropy.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LikelihoodRatioUpperLimitTest {
    /** Principal branch W0 of the Lambert function on (-1/e, 0), by Halley iteration. */
    static double lambertW0(double x) {
        double w = x;
        for (int i = 0; i < 100; i++) {
            double e = Math.exp(w);
            double f = w * e - x;
            double next = w - f / (e * (w + 1) - (w + 2) * f / (2 * w + 2));
            if (next == w) {
                break;
            }
            w = next;
        }
        return w;
    }

    /**
     * Closed form of the limit. With y = (C1ani + C_N) / max(C1, C_N) and r = min(C1 / C_N, 1) the
     * equation -2 ln lambda = T is z - ln z = T/3 + r - ln r for z = r / y (C1 &lt;= C_N) or z = 1 / y
     * (C1 &gt; C_N, r = 1); the root above the maximum has z &lt; 1: z = -W0(-exp(-(T/3 + r - ln r))).
     */
    static double closedForm(double c1, double cn, double t) {
        double r = Math.min(c1 / cn, 1);
        double c = t / 3 + r - (r > 0 ? Math.log(r) : Double.NEGATIVE_INFINITY);
        if (r == 0) {
            return cn * (Math.exp(t / 3) - 1); // C1 = 0: 3 ln((s + C_N) / C_N) = T
        }
        double z = -lambertW0(-Math.exp(-c));
        return c1 > cn ? c1 / z - cn : cn * (r / z - 1);
    }

    @Test
    void limitAtC1EqualToCnIsTheLambertWClosedForm() {
        for (double cn : new double[] {1e-6, 1e-4, 1, 3, 1e4}) {
            for (double t : new double[] {3.841, 2.706, 1, 6.635}) {
                double ul = LikelihoodRatioUpperLimit.withThreshold(t).limit(cn, cn).ulC1ani();
                // ln y + 1/y = 1 + T/3, y = 1 + UL/C_N = -1 / W0(-exp(-(1 + T/3)))
                double y = -1 / lambertW0(-Math.exp(-(1 + t / 3)));
                assertEquals(cn * (y - 1), ul, 1e-13 * ul, "C_N " + cn + " T " + t);
            }
        }
        // 95 %: the limit is 7.7203 C_N (scipy lambertw)
        assertEquals(7.720346673, LikelihoodRatioUpperLimit.at95().limit(1, 1).ulC1ani(), 1e-9);
    }

    @Test
    void limitMatchesTheLambertWClosedFormForAllRatios() {
        for (double ratio : new double[] {0, 1e-3, 0.2, 0.5, 0.999, 1.001, 2, 7, 100, 1e4}) {
            double cn = 0.3;
            double ul = LikelihoodRatioUpperLimit.at95().limit(ratio * cn, cn).ulC1ani();
            assertEquals(closedForm(ratio * cn, cn, 3.841), ul, 1e-12 * ul, "ratio " + ratio);
        }
    }

    @Test
    void rootIsAboveTheMaximumLikelihoodPointAndHitsTheThreshold() {
        LikelihoodRatioUpperLimit lr = LikelihoodRatioUpperLimit.at95();
        // C1 >> C_N: -2 ln lambda(0) > 3.841, so there is also a root below C1 - C_N (a lower limit)
        double c1 = 20;
        double cn = 1;
        assertTrue(LikelihoodRatioUpperLimit.minusTwoLnLambda(0, c1, cn) > 3.841);
        assertEquals(0.0, LikelihoodRatioUpperLimit.minusTwoLnLambda(c1 - cn, c1, cn), 1e-15);
        double ul = lr.limit(c1, cn).ulC1ani();
        assertTrue(ul > c1 - cn);
        assertEquals(3.841, LikelihoodRatioUpperLimit.minusTwoLnLambda(ul, c1, cn), 1e-13);
        // C1 < C_N: maximum at the boundary, statistic 0 there
        assertEquals(0.0, LikelihoodRatioUpperLimit.maximumLikelihood(0.5, 1));
        assertEquals(0.0, LikelihoodRatioUpperLimit.minusTwoLnLambda(0, 0.5, 1));
        double ul2 = lr.limit(0.5, 1).ulC1ani();
        assertEquals(3.841, LikelihoodRatioUpperLimit.minusTwoLnLambda(ul2, 0.5, 1), 1e-13);
    }

    @Test
    void limitScalesWithCnAndDeltaFollowsC1() {
        LikelihoodRatioUpperLimit lr = LikelihoodRatioUpperLimit.withThreshold(2.706);
        UpperLimit a = lr.limit(2.0, 1.0);
        UpperLimit b = lr.limit(2.0e-5, 1.0e-5);
        assertEquals(a.ulC1ani() * 1e-5, b.ulC1ani(), 1e-14 * b.ulC1ani());
        assertEquals(3 * Math.sqrt(a.ulC1ani() / (4 * Math.PI)), a.ulDelta(), 1e-15 * a.ulDelta());
        assertEquals(2.706, lr.threshold());
    }

    @Test
    void badInputsAreRejectedWithTheValue() {
        LikelihoodRatioUpperLimit lr = LikelihoodRatioUpperLimit.at95();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lr.limit(-1, 1));
        assertTrue(e.getMessage().contains("C1") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> lr.limit(1, 0));
        assertTrue(e.getMessage().contains("C_N"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lr.limit(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> lr.limit(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> lr.limit(1, Double.POSITIVE_INFINITY));
        for (double t : new double[] {0, -3.841, Double.NaN, Double.POSITIVE_INFINITY}) {
            e = assertThrows(IllegalArgumentException.class, () -> LikelihoodRatioUpperLimit.withThreshold(t));
            assertTrue(e.getMessage().contains("threshold"), e.getMessage());
        }
    }
}
