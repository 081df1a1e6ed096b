package org.cranisotropy.model;

/**
 * Radiative energy loss of e+e- by synchrotron radiation and inverse Compton scattering in the Thomson limit,
 *
 * <pre>
 *   -dE/dt = b(E) = b0 E^2,   b0 = (4 sigma_T c / (3 (m_e c^2)^2)) (U_B + U_rad)
 * </pre>
 *
 * (Atoyan, Aharonian &amp; Völk 1995; Kobayashi et al. 2004, ApJ 601, 340). Numerically
 * 4 sigma_T c / (3 (m_e c^2)^2) = 1.02e-16 GeV^-1 s^-1 per eV cm^-3 of energy density, so the default
 * b0 = 1.4e-16 GeV^-1 s^-1 corresponds to U_B + U_rad of about 1.4 eV cm^-3 (a few muG plus CMB, infrared and
 * starlight); it is the value commonly quoted after Kobayashi et al. 2004 (there for B = 3 muG plus the
 * interstellar radiation field) and is an approximate, model-dependent choice (Klein-Nishina suppression above
 * a few TeV is neglected). An electron of energy E cools in t_cool = 1/(b0 E): about 230 kyr at 1 TeV.
 *
 * @param b0PerGevPerS b0 in GeV^-1 s^-1 (&gt;= 0; 0 means no losses)
 */
public record EnergyLoss(double b0PerGevPerS) {

    /** The default b0 = 1.4e-16 GeV^-1 s^-1 (see the class comment). */
    public static final EnergyLoss DEFAULT = new EnergyLoss(1.4e-16);

    /** No energy losses (b0 = 0), a limiting case. */
    public static final EnergyLoss NONE = new EnergyLoss(0.0);

    public EnergyLoss {
        if (!(b0PerGevPerS >= 0) || !Double.isFinite(b0PerGevPerS)) {
            throw new IllegalArgumentException("energy-loss coefficient b0 must be finite and >= 0, got "
                    + b0PerGevPerS);
        }
    }

    /** b(E) = b0 E^2 in GeV/s for E in GeV. */
    public double rate(double energyGev) {
        return b0PerGevPerS * energyGev * energyGev;
    }

    /** The energy above which no particle injected {@code ageS} seconds ago survives, 1/(b0 t) (infinite if b0 = 0). */
    public double coolingEnergyGev(double ageS) {
        return b0PerGevPerS == 0 ? Double.POSITIVE_INFINITY : 1.0 / (b0PerGevPerS * ageS);
    }

    /**
     * The energy E0 = E / (1 - b0 E t) a particle had {@code ageS} seconds ago when it has E now (the solution of
     * dE/dt = -b0 E^2); infinite at and above the cooling energy 1/(b0 t).
     */
    public double initialEnergyGev(double energyGev, double ageS) {
        // compared with 1/(b0 t) itself so that E = coolingEnergyGev(t) is exactly at the cut-off
        return energyGev >= coolingEnergyGev(ageS) ? Double.POSITIVE_INFINITY
                : energyGev / (1.0 - b0PerGevPerS * energyGev * ageS);
    }
}
