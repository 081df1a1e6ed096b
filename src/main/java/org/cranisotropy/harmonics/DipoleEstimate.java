package org.cranisotropy.harmonics;

import org.cranisotropy.sky.GalacticFrame;

/**
 * The dipole of a map from its l &lt;= 1 harmonic coefficients: the amplitude
 * delta = 3 sqrt(C1/C0) (CALET ICRC 2019 eq. 2.1) and the direction of the dipole vector
 * d = (-Re a11 / sqrt(2 pi / 3), Im a11 / sqrt(2 pi / 3), a10 / sqrt(4 pi / 3)), which for a map
 * m(n) = M (1 + d.n) with Y_lm orthonormal and Condon-Shortley phase points to the maximum.
 *
 * @param delta dipole amplitude 3 sqrt(C1/C0) (= |d| / monopole)
 * @param lDeg  longitude of the dipole direction, degrees in [0, 360)
 * @param bDeg  latitude of the dipole direction, degrees
 */
public record DipoleEstimate(double delta, double lDeg, double bDeg) {

    /** The dipole of a_lm with lmax &gt;= 1. */
    public static DipoleEstimate of(Alm alm) {
        if (alm.lmax() < 1) {
            throw new IllegalArgumentException("the dipole needs lmax >= 1");
        }
        double c1 = Math.sqrt(2.0 * Math.PI / 3.0);
        double x = -alm.re(1, 1) / c1;
        double y = alm.im(1, 1) / c1;
        double z = alm.re(1, 0) / Math.sqrt(4.0 * Math.PI / 3.0);
        double[] lonLat = GalacticFrame.lonLat(x, y, z);
        return new DipoleEstimate(alm.powerSpectrum().dipoleAmplitude(), lonLat[0], lonLat[1]);
    }
}
