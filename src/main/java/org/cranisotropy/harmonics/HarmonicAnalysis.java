package org.cranisotropy.harmonics;

import org.cranisotropy.sky.HealpixMap;

/**
 * The anafast equivalent: a_lm, C_l and the dipole of a RING map, equal to healpy's
 * {@code map2alm(map, lmax, iter)} / {@code anafast}. With iter = 0 and lmax &lt;=
 * {@value #DIRECT_LMAX}, or a map with few non-zero pixels, the direct pixel sum is used; otherwise
 * the ring (FFT + Legendre) transform, which also provides the synthesis the iterations need.
 */
public final class HarmonicAnalysis {
    /** Largest lmax for which the direct pixel sum is chosen. */
    public static final int DIRECT_LMAX = 3;
    /** The direct sum is chosen below this fraction of non-zero pixels whatever lmax. */
    private static final double SPARSE_FRACTION = 0.002;

    private HarmonicAnalysis() {}

    /** healpy map2alm(map, lmax=lmax, iter=iter). */
    public static Alm alm(HealpixMap map, int lmax, int iter) {
        if (lmax < 0) {
            throw new IllegalArgumentException("lmax must be >= 0, got " + lmax);
        }
        if (iter == 0 && (lmax <= DIRECT_LMAX || nonZeroFraction(map) < SPARSE_FRACTION)) {
            return new DirectHarmonicSum(new RingGeometry(map.nside()), lmax).analyse(map);
        }
        return new SphericalHarmonicTransform(map.nside(), lmax).analyse(map, iter);
    }

    private static double nonZeroFraction(HealpixMap map) {
        int n = 0;
        for (int p = 0; p < map.npix(); p++) {
            if (map.get(p) != 0.0) {
                n++;
            }
        }
        return (double) n / map.npix();
    }
}
