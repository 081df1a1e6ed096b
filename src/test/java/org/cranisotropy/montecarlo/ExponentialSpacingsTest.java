package org.cranisotropy.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cranisotropy.random.RandomStreams;
import org.junit.jupiter.api.Test;

class ExponentialSpacingsTest {
    /**
     * 200 003 variates (391 chunks, the last one short) are iid Exp(1): their total is the announced
     * one, mean and variance are 1 within 4 sigma, a chi-square over 50 equiprobable bins of the Exp(1)
     * CDF has p &gt; 1e-4, neighbours (also across chunk boundaries) are uncorrelated within 4 sigma, and
     * the chunk sums vary as Gamma(k, 1) sums do (variance k, within 5 sigma).
     */
    @Test
    void variatesAreIndependentUnitExponentialsWithTheAnnouncedTotal() {
        int n = 200_003;
        ExponentialSpacings s = new ExponentialSpacings(RandomStreams.stream(11, 2), n);
        double[] x = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = s.next();
            sum += x[i];
        }
        assertEquals(s.total(), sum, 1e-9 * sum, "total");
        double mean = sum / n;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= n - 1;
        assertEquals(1.0, mean, 4 / Math.sqrt(n), "mean"); // sd of the mean 1/sqrt(n)
        assertEquals(1.0, var, 4 * Math.sqrt(8.0 / n), "variance"); // sd of the variance sqrt((mu4 - 1)/n), mu4 = 9
        int bins = 50;
        long[] counts = new long[bins];
        for (double v : x) {
            int b = (int) Math.floor((1 - Math.exp(-v)) * bins); // Exp(1) CDF: uniform under the hypothesis
            counts[Math.min(bins - 1, b)]++;
        }
        double expected = (double) n / bins;
        double chi2 = 0;
        for (long c : counts) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        double p = ChiSquaredDistribution.of(bins - 1).survivalProbability(chi2);
        assertTrue(p > 1e-4, "chi-square " + chi2 + ", p = " + p);
        double cov = 0;
        double covBoundary = 0;
        int boundaries = 0;
        for (int i = 0; i + 1 < n; i++) {
            double c = (x[i] - 1) * (x[i + 1] - 1);
            cov += c;
            if ((i + 1) % ExponentialSpacings.CHUNK == 0) {
                covBoundary += c;
                boundaries++;
            }
        }
        assertEquals(0.0, cov / (n - 1), 4 / Math.sqrt(n - 1), "lag-1 correlation");
        assertEquals(0.0, covBoundary / boundaries, 4 / Math.sqrt(boundaries), "correlation across chunk boundaries");
        // the sum of a chunk is Gamma(k, 1): variance k (a chunk scaled to a fixed sum would give 0)
        int k = ExponentialSpacings.CHUNK;
        int chunks = n / k;
        double[] chunkSum = new double[chunks];
        for (int i = 0; i < chunks * k; i++) {
            chunkSum[i / k] += x[i];
        }
        double m = 0;
        for (double v : chunkSum) {
            m += v / chunks;
        }
        double v2 = 0;
        for (double v : chunkSum) {
            v2 += (v - m) * (v - m) / (chunks - 1);
        }
        assertEquals(1.0, v2 / k, 5 * Math.sqrt(2.0 / (chunks - 1)), "variance of the chunk sums / chunk size");
        assertThrows(IllegalStateException.class, s::next);
    }

    /** The same stream gives the same variates. */
    @Test
    void reproducible() {
        ExponentialSpacings a = new ExponentialSpacings(RandomStreams.stream(3, 9), 1500);
        ExponentialSpacings b = new ExponentialSpacings(RandomStreams.stream(3, 9), 1500);
        assertEquals(a.total(), b.total(), 0.0);
        for (int i = 0; i < 1500; i++) {
            assertEquals(a.next(), b.next(), 0.0);
        }
    }
}
