package org.cranisotropy.analysis;

import org.cranisotropy.harmonics.Alm;
import org.cranisotropy.harmonics.DipoleEstimate;
import org.cranisotropy.harmonics.PowerSpectrum;

/**
 * What the analysis reports for one event selection: N, C0..C3 of the (weighted) event map, the
 * dipole amplitude delta = 3 sqrt(C1/C0) and direction, and the white-noise level cn in the
 * relative-intensity convention (method.md section 6; NaN where not computed). C_l are those of the
 * map of summed weights, as anafast gives them; the relative-intensity dipole power the Fermi-LAT
 * 2017 limits use is {@link #c1RelativeIntensity()} = 4 pi C1 / C0.
 */
public record MultipoleMeasurement(long nEvents, double c0, double c1, double c2, double c3, double delta,
        double dipoleLDeg, double dipoleBDeg, double cn) {

    public static MultipoleMeasurement of(long n, Alm alm, double cn) {
        PowerSpectrum cl = alm.powerSpectrum();
        DipoleEstimate d = DipoleEstimate.of(alm);
        return new MultipoleMeasurement(n, cl.cl(0), cl.cl(1), cl.cl(2), cl.cl(3), d.delta(), d.lDeg(), d.bDeg(), cn);
    }

    /** C1 of the relative-intensity map n/mu - 1: 4 pi C1 / C0 (so delta = 3 sqrt(C1rel / 4 pi)). */
    public double c1RelativeIntensity() {
        return 4.0 * Math.PI * c1 / c0;
    }
}
