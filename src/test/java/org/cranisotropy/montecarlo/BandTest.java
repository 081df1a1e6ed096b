package org.cranisotropy.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BandTest {
    /** For the values 0, 1, ..., 100 the linear-interpolation percentile p is exactly 100 p. */
    @Test
    void percentilesOfAnArithmeticSequence() {
        double[] v = new double[101];
        for (int i = 0; i < v.length; i++) {
            v[v.length - 1 - i] = i; // given in reverse order
        }
        Band b = Band.of(v);
        assertEquals(101, b.n());
        assertEquals(50.0, b.mean(), 0.0);
        assertArrayEquals(new double[] {2.275, 15.865, 50.0, 84.135, 97.725}, b.percentiles(), 1e-12);
        assertEquals(0.0, v[100], 0.0, "Band.of leaves its argument alone");
    }

    /**
     * numpy.percentile(v, 100 p) (linear interpolation) of v = [0.3, 1.7, 0.2, 5.0, 2.2, 0.9]:
     * sorted 0.2 0.3 0.9 1.7 2.2 5.0, position 5 p: 0.11375 -> 0.2 + 0.11375 * 0.1 = 0.211375;
     * 0.79325 -> 0.2 + 0.79325 * 0.1 = 0.279325; 2.5 -> 1.3; 4.20675 -> 2.2 + 0.20675 * 2.8 = 2.7789;
     * 4.88625 -> 2.2 + 0.88625 * 2.8 = 4.6815.
     */
    @Test
    void percentilesAgainstHandInterpolation() {
        Band b = Band.of(0.3, 1.7, 0.2, 5.0, 2.2, 0.9);
        assertArrayEquals(new double[] {0.211375, 0.279325, 1.3, 2.7789, 4.6815}, b.percentiles(), 1e-12);
        assertEquals(10.3 / 6, b.mean(), 1e-15);
    }

    /** The result depends only on the values, not on their order: the sum is taken after sorting. */
    @Test
    void orderDoesNotMatter() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(Math.sin(i * 1.3)) * 1e-3 + 1.0 / (i + 1);
        }
        double[] shuffled = v.clone();
        for (int i = 0; i < shuffled.length; i += 2) {
            double t = shuffled[i];
            shuffled[i] = shuffled[shuffled.length - 1 - i];
            shuffled[shuffled.length - 1 - i] = t;
        }
        Band a = Band.of(v);
        Band b = Band.of(shuffled);
        assertEquals(a.mean(), b.mean(), 0.0);
        assertArrayEquals(a.percentiles(), b.percentiles(), 0.0);
    }
}
