package org.cranisotropy.harmonics;

import org.cranisotropy.sky.HealpixMap;

/**
 * The anafast equivalent: a_lm, C_l and the dipole of a RING map, equal to healpy's
 * {@code map2alm(map, lmax, iter)} / {@code anafast}. With iter = 0 and a sparse map (few non-zero
 * pixels for the number of coefficients, e.g. the TeV events) the direct pixel sum is used;
 * otherwise the ring (FFT + Legendre) transform, which also provides the synthesis the iterations
 * need. The rule follows {@code cra bench}: at Nside 64 the direct sum costs ~7 ns per
 * (non-zero pixel x coefficient), the ring transform at lmax 3 ~20 ns per pixel of the whole map.
 */
public final class HarmonicAnalysis {
    /** Direct sum when non-zero pixels x coefficients is below this many times N_pix. */
    private static final double DIRECT_WORK_RATIO = 2.0;

    private HarmonicAnalysis() {}

    /** healpy map2alm(map, lmax=lmax, iter=iter). */
    public static Alm alm(HealpixMap map, int lmax, int iter) {
        if (lmax < 0) {
            throw new IllegalArgumentException("lmax must be >= 0, got " + lmax);
        }
        if (iter == 0 && (double) nonZeroPixels(map) * Alm.size(lmax) < DIRECT_WORK_RATIO * map.npix()) {
            return new DirectHarmonicSum(new RingGeometry(map.nside()), lmax).analyse(map);
        }
        return new SphericalHarmonicTransform(map.nside(), lmax).analyse(map, iter);
    }

    private static int nonZeroPixels(HealpixMap map) {
        int n = 0;
        for (int p = 0; p < map.npix(); p++) {
            if (map.get(p) != 0.0) {
                n++;
            }
        }
        return n;
    }
}
