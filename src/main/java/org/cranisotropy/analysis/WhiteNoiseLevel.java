package org.cranisotropy.analysis;

import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.limits.WhiteNoise;

/**
 * The white-noise level C_N of a selection in the relative-intensity convention (Fermi-LAT 2017;
 * method.md section 6): C_N = 4 pi / N_pix^2 sum_p n_p / mu_p^2 with n_p the counts and mu_p the
 * expected counts. With exposure correction mu_p = N a_p / sum_q a_q, where a_p is the selection's
 * average exposure map (ICRC 2019 section 3: the exposure maps A_sel(E_i, .) combined over the
 * selection's events); without it mu_p = N / N_pix, which gives C_N = 4 pi / N.
 */
final class WhiteNoiseLevel {
    private WhiteNoiseLevel() {}

    /** C_N of events [from, to) of a prepared sample. */
    static double of(PreparedSample s, int from, int to, boolean corrected) {
        ExposureCube cube = s.exposure();
        int npix = cube.npix();
        double[] counts = new double[npix];
        for (int i = from; i < to; i++) {
            counts[s.pixel(i)] += 1.0;
        }
        int n = to - from;
        double[] expected = new double[npix];
        if (!corrected) {
            java.util.Arrays.fill(expected, (double) n / npix);
            return WhiteNoise.level(counts, expected);
        }
        // the sum of the events' interpolated exposure maps is a combination of the summed maps
        SelectionExposure sel = s.selectionExposure();
        int bins = cube.binning().size();
        double[][] coefficient = new double[sel.rules()][bins];
        for (int i = from; i < to; i++) {
            ExposureCube.InterpolationPoint at = cube.interpolation(s.energyGev(i));
            double[] c = coefficient[sel.rule(s.energyGev(i))];
            c[at.bin()] += 1 - at.upperWeight();
            if (at.upperWeight() != 0.0) {
                c[at.bin() + 1] += at.upperWeight();
            }
        }
        for (int r = 0; r < sel.rules(); r++) {
            for (int k = 0; k < bins; k++) {
                double w = coefficient[r][k];
                if (w != 0.0) {
                    sel.addScaled(r, k, w, expected);
                }
            }
        }
        double total = 0;
        for (double v : expected) {
            total += v;
        }
        for (int p = 0; p < npix; p++) {
            expected[p] *= n / total;
        }
        return WhiteNoise.level(counts, expected);
    }
}
