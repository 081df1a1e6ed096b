package org.cranisotropy.model;

/**
 * The parameters of the Vela SNR as an e+e- source. {@link #ICRC_2019} are those of CALET ICRC 2019 section 4:
 * injection Q(E) ~ E^-2.32 exp(-E / 100 TeV), constant emission over 5 kyr, 2.5e47 erg in e+e- above 1 GeV
 * (chosen there to be compatible with CALET's spectrum), at 0.29 kpc and 11 kyr (ICRC 2019 rounds them to
 * 0.3 kpc and 11000 yr), propagated with D(E) of its eq. 4.1 ({@link DiffusionCoefficient#SEED_001}). Not from
 * that paper: the loss coefficient b0 = 1.4e-16 GeV^-1 s^-1 ({@link EnergyLoss#DEFAULT}; ICRC 2019 propagates
 * with DRAGON and does not quote one) and that the emission starts at the explosion. The direction is carried for
 * the record only: the amplitude does not depend on it.
 *
 * @param index injection index gamma, Q ~ E^-gamma
 * @param cutoffGev injection cut-off energy in GeV
 * @param emissionKyr emission time T in kyr; 0 means a burst
 * @param energyErg total energy W injected in e+e- above 1 GeV, erg
 * @param distanceKpc distance r in kpc
 * @param ageKyr age of the source t_s in kyr (T &lt;= t_s)
 * @param lDeg galactic longitude of the source in deg, [0, 360)
 * @param bDeg galactic latitude of the source in deg, [-90, 90]
 * @param diffusion the diffusion coefficient D(E)
 * @param loss the energy loss b0 E^2
 */
public record VelaParameters(double index, double cutoffGev, double emissionKyr, double energyErg,
        double distanceKpc, double ageKyr, double lDeg, double bDeg, DiffusionCoefficient diffusion, EnergyLoss loss) {

    /** Vela as in CALET ICRC 2019 section 4 (see the class comment). */
    public static final VelaParameters ICRC_2019 = new VelaParameters(2.32, 1e5, 5.0, 2.5e47, 0.29, 11.0);

    /**
     * A source in the direction of Vela, (l, b) = (263.9, -3.3) deg, with D(E) of ICRC 2019 eq. 4.1 and the default
     * losses.
     */
    public VelaParameters(double index, double cutoffGev, double emissionKyr, double energyErg, double distanceKpc,
            double ageKyr) {
        this(index, cutoffGev, emissionKyr, energyErg, distanceKpc, ageKyr, BurstPointSource.VELA_L_DEG,
                BurstPointSource.VELA_B_DEG, DiffusionCoefficient.SEED_001, EnergyLoss.DEFAULT);
    }

    public VelaParameters {
        if (!Double.isFinite(index)) {
            throw new IllegalArgumentException("injection index must be finite, got " + index);
        }
        if (!(cutoffGev > BurstPointSource.DEFAULT_NORM_MIN_GEV) || !Double.isFinite(cutoffGev)) {
            throw new IllegalArgumentException("cut-off must be finite and > " + BurstPointSource.DEFAULT_NORM_MIN_GEV
                    + " GeV (W is counted above it), got " + cutoffGev);
        }
        if (!(energyErg > 0) || !Double.isFinite(energyErg)) {
            throw new IllegalArgumentException("total energy must be finite and > 0 erg, got " + energyErg);
        }
        if (!(distanceKpc > 0) || !Double.isFinite(distanceKpc)) {
            throw new IllegalArgumentException("distance must be finite and > 0 kpc, got " + distanceKpc);
        }
        if (!(ageKyr > 0) || !Double.isFinite(ageKyr)) {
            throw new IllegalArgumentException("age must be finite and > 0 kyr, got " + ageKyr);
        }
        if (!(emissionKyr >= 0) || !(emissionKyr <= ageKyr)) {
            throw new IllegalArgumentException("emission time must be in [0, age = " + ageKyr + "] kyr, got "
                    + emissionKyr);
        }
        if (!(lDeg >= 0 && lDeg < 360) || !(bDeg >= -90 && bDeg <= 90)) {
            throw new IllegalArgumentException("direction must have l in [0, 360) and b in [-90, 90] deg, got " + lDeg
                    + ", " + bDeg);
        }
        if (diffusion == null || loss == null) {
            throw new IllegalArgumentException("diffusion coefficient and energy loss are required");
        }
    }

    /** The same source released in one burst (T = 0). */
    public VelaParameters burst() {
        return new VelaParameters(index, cutoffGev, 0.0, energyErg, distanceKpc, ageKyr, lDeg, bDeg, diffusion, loss);
    }

    /** The same source with another distance and age. */
    public VelaParameters at(double distanceKpc, double ageKyr) {
        return new VelaParameters(index, cutoffGev, emissionKyr, energyErg, distanceKpc, ageKyr, lDeg, bDeg, diffusion,
                loss);
    }

    /** The source: a {@link BurstPointSource} for T = 0, else a {@link ContinuousPointSource}. */
    public PointSource source() {
        BurstPointSource burst = new BurstPointSource(diffusion, loss, distanceKpc,
                ageKyr, index, cutoffGev, energyErg, BurstPointSource.DEFAULT_NORM_MIN_GEV);
        return emissionKyr == 0 ? burst : new ContinuousPointSource(burst, emissionKyr);
    }
}
