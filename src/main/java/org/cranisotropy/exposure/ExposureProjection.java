package org.cranisotropy.exposure;

import healpix.essentials.HealpixBase;
import healpix.essentials.Pointing;
import healpix.essentials.RangeSet;
import healpix.essentials.Vec3;
import java.io.Serializable;

/**
 * Stage (b) of the exposure projection: the dwell histogram of stage (a) ({@link DwellHistogram})
 * projected through the detector acceptance onto the sky,
 * <pre>
 *   E_c(p) = sum over dwell cells (z, b) of  d(z, b) * A_c(theta_zp, psi_zpb)        [m^2 s]
 * </pre>
 * theta_zp the angle between sky pixel p and the centre n_z of zenith pixel z, psi = beta_b - phi_zp
 * the azimuth of p in the detector frame (phi_zp the azimuth of p about n_z from local galactic north
 * towards east, beta_b the flight azimuth bin centre), for the sky pixels inside the field of view,
 * found with healpix-java's {@code queryDisc}. Because A_c(theta, psi) = P_c(theta) (1 + a4
 * sin^2(theta) cos 4 psi) and cos 4 psi = cos 4 beta cos 4 phi + sin 4 beta sin 4 phi, the sum over the
 * azimuth bins of a zenith pixel collapses exactly to its moments T, C, S
 * ({@link DwellHistogram#zenithMoments()}):
 * <pre>
 *   E_c(p) = sum_z P_c(theta_zp) [T_z + a4 sin^2(theta_zp) (C_z cos 4 phi_zp + S_z sin 4 phi_zp)]
 * </pre>
 *
 * <p><b>Why two stages.</b> Projecting each time step directly costs (steps) x (pixels in the field
 * of view): ~10^7 steps (2015-2024 at 30 s) x ~1.3e4 pixels (62 deg disc at Nside 64) ~ 10^11
 * evaluations. Stage (a) costs one pixel lookup per step; stage (b) costs (non-empty zenith pixels)
 * x (pixels in the field of view), ~4e4 x 1.3e4 ~ 5e8 at Nside 64/64, independent of the period
 * length and step.
 *
 * <p><b>Accuracy.</b> The only approximation is that every step's zenith is moved to the centre of
 * its dwell pixel (and its flight azimuth to the bin centre, which only touches the small a4 term).
 * The displacement is at most the pixel radius (~0.9 deg at Nside_d 64, mean ~0.45 deg) and averages
 * out to first order over the many steps in a pixel; what remains is a smoothing of the exposure by
 * the pixel shape, of relative size ~ (pixel size / acceptance feature scale)^2 for the smooth
 * cos(theta) and class edges of width w. Measured against a per-step projection on 4 hours (single
 * orbit tracks, the worst case: nothing averages within a dwell pixel; sky Nside 32,
 * TwoStageProjectionTest): largest per-pixel difference 3.7 % of the class maximum (mean 0.25 %) at
 * Nside_d 64, 0.9 % (0.13 %) at Nside_d 128. Over 73 days the declination profile agrees with an
 * independent integration of the zenith dwell density to 3e-4 (all classes) and 8e-4 (class A) of
 * the maximum (DeclinationProfileTest). The cos(theta) table ({@link #polarTables}) adds ~1e-6.
 *
 * <p>Contributions are accumulated as fixed-point integers ({@link ProjectedExposure}), so any split
 * of the zenith pixels gives bit-identical sums. Serializable (for Spark closures); geometry caches
 * are rebuilt lazily in each JVM.
 */
public final class ExposureProjection implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Intervals of the cos(theta) table of the polar acceptance. */
    static final int TABLE_STEPS = 16384;

    private final DetectorAcceptance acceptance;
    private final int nside;
    private transient HealpixBase sky;
    private transient double[] pixelVectors; // x, y, z of each RING pixel centre (galactic)
    private transient HealpixBase dwellGrid;

    public ExposureProjection(DetectorAcceptance acceptance, int nside) {
        if (nside < 1 || Integer.bitCount(nside) != 1 || nside > 1024) {
            throw new IllegalArgumentException("sky Nside must be a power of two in [1, 1024], got " + nside);
        }
        this.acceptance = acceptance;
        this.nside = nside;
    }

    public int nside() {
        return nside;
    }

    public DetectorAcceptance acceptance() {
        return acceptance;
    }

    /** Projects the zenith pixels with indices [from, to) of the moments (all classes of the acceptance). */
    public ProjectedExposure project(DwellHistogram.ZenithMoments moments, int from, int to) {
        ensureGeometry(moments.nside());
        long[][] acc = new long[EventClass.values().length][];
        for (EventClass c : acceptance.classes()) {
            acc[c.ordinal()] = new long[12 * nside * nside];
        }
        int[] classIndex = acceptance.classes().stream().mapToInt(Enum::ordinal).toArray();
        double[][] table = polarTables(classIndex);
        double a4 = acceptance.azimuth4();
        double fov = acceptance.fieldOfViewRad();
        double u0 = Math.cos(fov);
        double perStep = TABLE_STEPS / (1.0 - u0);
        double[] v = pixelVectors;
        for (int i = from; i < to; i++) {
            double[] n = DwellHistogram.pix2vec(dwellGrid, moments.pixels()[i]);
            double[][] basis = DwellHistogram.localBasis(n);
            double[] north = basis[0];
            double[] east = basis[1];
            double t = moments.total()[i];
            double c4 = moments.cos4()[i];
            double s4 = moments.sin4()[i];
            RangeSet disc = disc(n, fov);
            for (int r = 0; r < disc.nranges(); r++) {
                int end = (int) disc.ivend(r);
                for (int p = (int) disc.ivbegin(r); p < end; p++) {
                    double x = v[3 * p];
                    double y = v[3 * p + 1];
                    double z = v[3 * p + 2];
                    double cosTheta = x * n[0] + y * n[1] + z * n[2];
                    double pos = (cosTheta - u0) * perStep;
                    if (!(pos >= 0)) {
                        continue; // pixel centre just outside the field of view
                    }
                    int k = Math.min((int) pos, TABLE_STEPS - 1);
                    double frac = Math.min(1.0, pos - k);
                    double weight = t;
                    if (a4 != 0.0) {
                        double vn = x * north[0] + y * north[1] + z * north[2];
                        double ve = x * east[0] + y * east[1];
                        double rho2 = vn * vn + ve * ve; // sin^2(theta)
                        if (rho2 > 1e-30) {
                            double c2 = vn * vn - ve * ve; // rho^2 cos 2 phi
                            double s2 = 2 * vn * ve; //       rho^2 sin 2 phi
                            // a4 sin^2(theta) (C cos 4 phi + S sin 4 phi) = a4 (C (c2^2 - s2^2) + S 2 c2 s2) / rho^2
                            weight += a4 * (c4 * (c2 * c2 - s2 * s2) + s4 * 2 * c2 * s2) / rho2;
                        }
                    }
                    for (int j = 0; j < classIndex.length; j++) {
                        double[] tab = table[j];
                        double a = tab[k] + frac * (tab[k + 1] - tab[k]);
                        if (a > 0) {
                            acc[classIndex[j]][p] += (long) (a * weight * ProjectedExposure.SCALE + 0.5);
                        }
                    }
                }
            }
        }
        return new ProjectedExposure(nside, acc);
    }

    /**
     * P_c(theta) = A_c cos(theta) W_c(theta) tabulated on TABLE_STEPS + 1 equidistant points in
     * cos(theta) over [cos(fov), 1] and interpolated linearly: Math.acos (a software routine, ~130 ns)
     * would otherwise dominate the inner loop. The interpolation error is below h^2/8 max|P''(u)|
     * with h = (1 - cos fov)/TABLE_STEPS ~ 3e-5: ~1e-6 of the peak area at the class edges (w = 4 deg).
     */
    private double[][] polarTables(int[] classIndex) {
        double u0 = Math.cos(acceptance.fieldOfViewRad());
        double[][] t = new double[classIndex.length][TABLE_STEPS + 1];
        for (int j = 0; j < classIndex.length; j++) {
            for (int k = 0; k <= TABLE_STEPS; k++) {
                double u = k == TABLE_STEPS ? 1.0 : u0 + (1.0 - u0) * k / TABLE_STEPS;
                t[j][k] = acceptance.polarArea(classIndex[j], Math.acos(u), u);
            }
        }
        return t;
    }

    /** Projects all zenith pixels of a dwell histogram. */
    public ProjectedExposure project(DwellHistogram dwell) {
        DwellHistogram.ZenithMoments m = dwell.zenithMoments();
        return project(m, 0, m.size());
    }

    /** Unit vectors (galactic) of the RING pixel centres of the sky grid, x y z interleaved. */
    double[] pixelVectors() {
        ensureGeometry(1);
        return pixelVectors;
    }

    private RangeSet disc(double[] n, double radius) {
        try {
            return sky.queryDisc(new Pointing(new Vec3(n[0], n[1], n[2])), radius);
        } catch (Exception e) {
            throw new IllegalStateException("queryDisc: " + e.getMessage(), e);
        }
    }

    private void ensureGeometry(int dwellNside) {
        if (sky == null) {
            sky = DwellHistogram.ringBase(nside);
            int npix = 12 * nside * nside;
            double[] vec = new double[3 * npix];
            for (int p = 0; p < npix; p++) {
                double[] u = DwellHistogram.pix2vec(sky, p);
                System.arraycopy(u, 0, vec, 3 * p, 3);
            }
            pixelVectors = vec;
        }
        if (dwellGrid == null || dwellGrid.getNside() != dwellNside) {
            dwellGrid = DwellHistogram.ringBase(dwellNside);
        }
    }
}
