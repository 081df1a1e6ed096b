package org.cranisotropy.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.cranisotropy.Golden;
import org.junit.jupiter.api.Test;

/**
 * Every value of limits_golden.json (mpmath, 40 digits, on the original integrals and likelihood;
 * made by src/test/python/make_golden_limits.py) to 1e-8 relative.
 */
class LimitsGoldenTest {
    private static final double TOLERANCE = 1e-8;
    private static final JsonNode GOLDEN = Golden.json("limits_golden.json");

    private static double relative(double expected, double actual) {
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    @Test
    void fermi2010MatchesMpmath() {
        double worst = 0;
        int n = 0;
        for (JsonNode c : GOLDEN.get("fermi2010")) {
            double ul = Fermi2010UpperLimit.atCl(c.get("cl").asDouble()).ulDelta(c.get("delta_meas").asDouble());
            double rel = relative(c.get("ul_delta").asDouble(), ul);
            assertTrue(rel < TOLERANCE, c + " got " + ul);
            worst = Math.max(worst, rel);
            n++;
        }
        assertEquals(24, n);
        System.out.printf("fermi2010: %d golden values, worst relative error %.3g%n", n, worst);
    }

    @Test
    void likelihoodRatioMatchesMpmath() {
        double worst = 0;
        int n = 0;
        for (JsonNode c : GOLDEN.get("lr")) {
            UpperLimit ul = LikelihoodRatioUpperLimit.withThreshold(c.get("threshold").asDouble())
                    .limit(c.get("c1").asDouble(), c.get("cn").asDouble());
            double rc = relative(c.get("ul_c1ani").asDouble(), ul.ulC1ani());
            double rd = relative(c.get("ul_delta").asDouble(), ul.ulDelta());
            assertTrue(rc < TOLERANCE && rd < TOLERANCE, c + " got " + ul);
            worst = Math.max(worst, Math.max(rc, rd));
            n++;
        }
        assertEquals(40, n);
        System.out.printf("lr: %d golden values, worst relative error %.3g%n", n, worst);
    }

    @Test
    void bayesMatchesMpmath() {
        double[] worst = new double[Prior.values().length];
        int n = 0;
        for (JsonNode c : GOLDEN.get("bayes")) {
            Prior prior = Prior.parse(c.get("prior").asText());
            UpperLimit ul = BayesianUpperLimit.of(prior, c.get("cl").asDouble())
                    .limit(c.get("c1").asDouble(), c.get("cn").asDouble());
            double rc = relative(c.get("ul_c1ani").asDouble(), ul.ulC1ani());
            double rd = relative(c.get("ul_delta").asDouble(), ul.ulDelta());
            assertTrue(rc < TOLERANCE && rd < TOLERANCE, c + " got " + ul);
            worst[prior.ordinal()] = Math.max(worst[prior.ordinal()], Math.max(rc, rd));
            n++;
        }
        assertEquals(40, n);
        for (Prior p : Prior.values()) {
            System.out.printf("bayes %s: worst relative error %.3g%n", p.cliName(), worst[p.ordinal()]);
        }
    }
}
