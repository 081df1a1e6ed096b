package org.cranisotropy.montecarlo;

import java.util.Arrays;

/**
 * The isotropic expectation band of one quantity at one threshold or bin (method.md section 5): the
 * mean and the percentiles of its values over the Monte Carlo samples, at the median and the edges of
 * the central 68.27 % and 95.45 % intervals (1 and 2 sigma).
 *
 * <p>Percentile p is the exact linear-interpolation percentile of numpy's default and Spark SQL's
 * {@code percentile()}: with the values sorted, position p (n - 1) between ranks floor and ceil.
 * The mean is the sum of the sorted values over n, so it does not depend on the order the values
 * arrived in (bit-identical whatever the partitioning). Immutable.
 */
public record Band(long n, double mean, double[] percentiles) implements java.io.Serializable {
    /** The percentile levels of every band, as fractions: 2 sigma low, 1 sigma low, median, 1 sigma high, 2 sigma high. */
    public static final double[] LEVELS = {0.02275, 0.15865, 0.5, 0.84135, 0.97725};

    public Band {
        percentiles = percentiles.clone();
    }

    @Override
    public double[] percentiles() {
        return percentiles.clone();
    }

    /** The band of {@code count} values (the array is sorted in place). */
    public static Band ofSorting(double[] values, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a band needs at least one value");
        }
        Arrays.sort(values, 0, count);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        double[] p = new double[LEVELS.length];
        for (int k = 0; k < LEVELS.length; k++) {
            p[k] = percentile(values, count, LEVELS[k]);
        }
        return new Band(count, sum / count, p);
    }

    /** The percentile at level in [0, 1] of the first count values of sorted (increasing), as numpy's default. */
    public static double percentile(double[] sorted, int count, double level) {
        double pos = (count - 1) * level;
        double lo = Math.floor(pos);
        double hi = Math.ceil(pos);
        double vlo = sorted[(int) lo];
        double vhi = sorted[(int) hi];
        return hi == lo ? vlo : (hi - pos) * vlo + (pos - lo) * vhi;
    }

    /** The band of the values (the array is not changed). */
    public static Band of(double... values) {
        return ofSorting(values.clone(), values.length);
    }
}
