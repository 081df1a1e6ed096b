package org.cranisotropy.analysis;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.cranisotropy.exposure.ExposureCube;

/**
 * The white-noise level C_N of an exposure-corrected selection: the expectation, on an isotropic sky,
 * of its relative-intensity dipole power c1_rel = 4 pi C1 / C0 (method.md section 6).
 *
 * <p>Event i at energy E_i lands in pixel p with probability A(E_i, p) / S(E_i), A the selection's
 * exposure ({@link SelectionExposure}, log-E interpolated) and S(E) = sum_p A(E, p); it is weighted by
 * 1 / A(E_i, p_i). For independent events a_1m = sum_i (4 pi / N_pix) Y*_1m(p_i) / A_i has variance
 * sum_i E[|Y_1m|^2 / A_i^2], and with sum_m |Y_1m|^2 = 3 / 4 pi and C0 = (4 pi / N_pix^2)(sum_i 1/A_i)^2:
 * <pre>
 *   C_N = 4 pi sum_i h(E_i) / (sum_i g(E_i))^2,
 *   h(E) = E[1/A^2] = (1/S(E)) sum_{p: A(E,p) &gt; 0} 1 / A(E, p),   g(E) = E[1/A] = N_seen(E) / S(E),
 * </pre>
 * to first order in 1/N (the ratio of expectations; the eq. 3.1 normalisation cancels). For a uniform
 * exposure this is 4 pi / N; for a constant-in-energy exposure it is 4 pi / N_pix^2 sum_p 1 / mu_p, mu_p
 * = N A_p / S, which is the data form 4 pi / N_pix^2 sum_p n_p / mu_p^2 of Fermi-LAT 2017 with n_p
 * replaced by its expectation: unlike the data form it has no shot noise of its own, which near the
 * exposure's holes (pixels with a thousandth of the typical exposure) made that form wildly skewed.
 * Each event enters with its own normalised exposure A(E_i, .) / S(E_i), so a selection that straddles
 * a change of class selection or an exposure bin is exact.
 *
 * <p><b>Evaluation.</b> Between two bin centres A = (1-w) a + w b with maps a, b and w the log-E
 * weight, so sum_p 1/A is a sum of simple poles in w. Pixels whose two exposures are within a factor
 * {@value #STEEP_RATIO} of each other give a smooth function, tabulated at {@value #NODES} nodes in w
 * (commons-math3's natural cubic spline; its error is below 3e-6 of each pixel's term); the others
 * (near the holes: one of the two zero, or steep) are summed exactly for each event. At w = 0 the sum is
 * exact. Tables are made once per (rule, bin) on first use. Not thread-safe.
 */
public final class ExpectedWhiteNoise {
    static final int NODES = 129;
    static final double STEEP_RATIO = 8;

    private final SelectionExposure exposure;
    private final Map<Long, Segment> segments = new HashMap<>();

    public ExpectedWhiteNoise(SelectionExposure exposure) {
        this.exposure = exposure;
    }

    /** h(E) and g(E) of the class comment: {h, g}. */
    public double[] terms(double energyGev) {
        ExposureCube.InterpolationPoint at = exposure.cube().interpolation(energyGev);
        int rule = exposure.rule(energyGev);
        if (rule < 0) {
            throw new IllegalArgumentException("no class-selection rule covers " + energyGev + " GeV");
        }
        boolean interior = at.upperWeight() != 0.0;
        long key = ((long) rule << 32) | ((long) at.bin() << 1) | (interior ? 1 : 0);
        Segment s = segments.computeIfAbsent(key, k -> new Segment(rule, at.bin(), interior));
        return s.terms(at.upperWeight());
    }

    /** C_N = 4 pi sumH / sumG^2 from the sums of h and g over a selection's events. */
    public static double level(double sumH, double sumG) {
        return 4 * Math.PI * sumH / (sumG * sumG);
    }

    /** The white-noise level of an uncorrected (unit-weight) map of n events: 4 pi / n. */
    public static double uncorrected(long n) {
        return 4 * Math.PI / n;
    }

    /** The maps of one rule between bin centres k and k + 1 (or at bin k alone). */
    private final class Segment {
        private final double lowerSum;
        private final double upperSum;
        private final int seenLower;
        private final int seenEither;
        private final double inverseLowerSum; // sum over a > 0 of 1/a
        private final PolynomialSplineFunction smooth;
        private final double[] steepLower;
        private final double[] steepUpper;

        Segment(int rule, int bin, boolean interior) {
            double[] a = exposure.map(rule, bin);
            double[] b = interior ? exposure.map(rule, bin + 1) : null;
            double sa = 0;
            double sb = 0;
            double inv = 0;
            int seenA = 0;
            int seenAny = 0;
            int steep = 0;
            boolean[] isSteep = new boolean[a.length];
            for (int p = 0; p < a.length; p++) {
                sa += a[p];
                if (a[p] > 0) {
                    inv += 1 / a[p];
                    seenA++;
                }
                if (b != null) {
                    sb += b[p];
                    if (a[p] > 0 || b[p] > 0) {
                        seenAny++;
                        double hi = Math.max(a[p], b[p]);
                        double lo = Math.min(a[p], b[p]);
                        if (!(lo * STEEP_RATIO >= hi)) {
                            isSteep[p] = true;
                            steep++;
                        }
                    }
                }
            }
            this.lowerSum = sa;
            this.upperSum = sb;
            this.seenLower = seenA;
            this.seenEither = seenAny;
            this.inverseLowerSum = inv;
            if (b == null) {
                this.smooth = null;
                this.steepLower = new double[0];
                this.steepUpper = new double[0];
                return;
            }
            this.steepLower = new double[steep];
            this.steepUpper = new double[steep];
            double[] x = new double[NODES];
            double[] y = new double[NODES];
            for (int j = 0; j < NODES; j++) {
                x[j] = (double) j / (NODES - 1);
            }
            for (int p = 0, q = 0; p < a.length; p++) {
                if (isSteep[p]) {
                    steepLower[q] = a[p];
                    steepUpper[q++] = b[p];
                } else if (a[p] > 0) {
                    for (int j = 0; j < NODES; j++) {
                        y[j] += 1 / ((1 - x[j]) * a[p] + x[j] * b[p]);
                    }
                }
            }
            this.smooth = new SplineInterpolator().interpolate(x, y);
        }

        double[] terms(double w) {
            if (w == 0.0) {
                return new double[] {inverseLowerSum / lowerSum, seenLower / lowerSum};
            }
            double s = (1 - w) * lowerSum + w * upperSum;
            double inv = smooth.value(w);
            for (int q = 0; q < steepLower.length; q++) {
                double v = (1 - w) * steepLower[q] + w * steepUpper[q];
                if (v > 0) {
                    inv += 1 / v;
                }
            }
            return new double[] {inv / s, seenEither / s};
        }
    }
}
