package org.cranisotropy.limits;

/**
 * White-noise (shot-noise) level of the angular power spectrum of a relative-intensity map
 * (Fermi-LAT 2017; method.md section 6):
 *
 * <pre>
 *   C_N = 4 pi / N_pix^2 * sum_i n_i / mu_i^2
 * </pre>
 *
 * with n_i the counts and mu_i the expected (exposure-derived) counts of pixel i, and N_pix the number
 * of pixels of the map (the array length). Pixels with mu_i = 0 and n_i = 0 (outside the exposure)
 * contribute nothing; a pixel with counts but no expectation is an error.
 */
public final class WhiteNoise {
    private WhiteNoise() {}

    /** C_N of the counts and expected counts (same length, > 0; finite, >= 0 values). */
    public static double level(double[] counts, double[] expected) {
        if (counts == null || expected == null) {
            throw new IllegalArgumentException("counts and expected counts are required");
        }
        if (counts.length != expected.length) {
            throw new IllegalArgumentException("counts has " + counts.length + " pixels but expected counts has "
                    + expected.length);
        }
        if (counts.length == 0) {
            throw new IllegalArgumentException("the map has no pixels");
        }
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            double n = counts[i];
            double mu = expected[i];
            if (!(n >= 0) || Double.isInfinite(n)) {
                throw new IllegalArgumentException("pixel " + i + ": counts must be finite and >= 0, got " + n);
            }
            if (!(mu >= 0) || Double.isInfinite(mu)) {
                throw new IllegalArgumentException("pixel " + i + ": expected counts must be finite and >= 0, got "
                        + mu);
            }
            if (mu == 0) {
                if (n > 0) {
                    throw new IllegalArgumentException("pixel " + i + ": " + n + " counts but expected counts 0");
                }
                continue;
            }
            sum += n / mu / mu;
        }
        double npix = counts.length;
        return 4 * Math.PI / (npix * npix) * sum;
    }
}
