package org.cranisotropy.model;

/**
 * The spatial diffusion coefficient of the propagation model of seed 001 (CALET anisotropy, eq. 4.1), a power
 * law in rigidity with a smooth change of slope:
 *
 * <pre>
 *   D(R) = D0 (R/R0)^delta_l (1 + (R/Rb)^((delta_l - delta_h)/s))^(-s)
 * </pre>
 *
 * slope delta_l well below the break Rb, delta_h well above, softness s. Defaults (001 section 4, "also used in
 * [10]", fitted to the AMS-02 B/C ratio and proton spectrum with DRAGON): delta_l = 0.6, delta_h = 0.33,
 * R0 = 4 GV, Rb = 300 GV, D0 = 1.3e28 cm^2/s, s = 0.2. For ultra-relativistic electrons and positrons
 * R = E/e, so the rigidity in GV equals the energy in GeV and {@link #at(double)} is called with either.
 *
 * @param d0Cm2PerS D0 in cm^2/s
 * @param r0Gv reference rigidity R0 in GV
 * @param rbGv break rigidity Rb in GV
 * @param deltaLow slope delta_l below the break
 * @param deltaHigh slope delta_h above the break
 * @param softness softness s of the break (&gt; 0)
 */
public record DiffusionCoefficient(double d0Cm2PerS, double r0Gv, double rbGv, double deltaLow, double deltaHigh,
        double softness) {

    /** The model of seed 001 eq. 4.1 with its parameters. */
    public static final DiffusionCoefficient SEED_001 = new DiffusionCoefficient(1.3e28, 4.0, 300.0, 0.6, 0.33, 0.2);

    public DiffusionCoefficient {
        if (!(d0Cm2PerS > 0) || !(r0Gv > 0) || !(rbGv > 0) || !(softness > 0) || !Double.isFinite(d0Cm2PerS)
                || !Double.isFinite(r0Gv) || !Double.isFinite(rbGv) || !Double.isFinite(softness)
                || !Double.isFinite(deltaLow) || !Double.isFinite(deltaHigh)) {
            throw new IllegalArgumentException("diffusion coefficient needs finite D0, R0, Rb, softness > 0 and "
                    + "finite slopes");
        }
    }

    /**
     * An energy-independent D (for limiting cases): delta_l = delta_h = 0 and s = 1 make the break factor
     * (1 + 1)^(-1) = 1/2, compensated exactly by D0 = 2 d.
     */
    public static DiffusionCoefficient constant(double dCm2PerS) {
        return new DiffusionCoefficient(2.0 * dCm2PerS, 1.0, 1.0, 0.0, 0.0, 1.0);
    }

    /** D(R) in cm^2/s at rigidity R in GV (= energy in GeV for e+e-), eq. 4.1 of seed 001. */
    public double at(double rigidityGv) {
        if (!(rigidityGv > 0)) {
            throw new IllegalArgumentException("rigidity must be > 0 GV, got " + rigidityGv);
        }
        return d0Cm2PerS * Math.pow(rigidityGv / r0Gv, deltaLow)
                * Math.pow(1.0 + Math.pow(rigidityGv / rbGv, (deltaLow - deltaHigh) / softness), -softness);
    }
}
