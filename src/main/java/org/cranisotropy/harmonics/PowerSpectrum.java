package org.cranisotropy.harmonics;

import java.util.Arrays;

/** The angular power spectrum C_0 .. C_lmax of a map (healpy's alm2cl / anafast). Immutable. */
public final class PowerSpectrum {
    private final double[] cl;

    public PowerSpectrum(double[] cl) {
        if (cl.length == 0) {
            throw new IllegalArgumentException("a power spectrum needs at least C_0");
        }
        this.cl = cl.clone();
    }

    public int lmax() {
        return cl.length - 1;
    }

    public double cl(int l) {
        return cl[l];
    }

    public double[] toArray() {
        return cl.clone();
    }

    /**
     * Dipole amplitude delta = 3 sqrt(C1 / C0) (CALET ICRC 2019 eq. 2.1); NaN when C0 is zero.
     */
    public double dipoleAmplitude() {
        if (cl.length < 2) {
            throw new IllegalStateException("the dipole amplitude needs lmax >= 1");
        }
        return 3.0 * Math.sqrt(cl[1] / cl[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PowerSpectrum p && Arrays.equals(p.cl, cl);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cl);
    }
}
