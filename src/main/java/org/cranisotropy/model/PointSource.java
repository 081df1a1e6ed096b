package org.cranisotropy.model;

/**
 * A point source of e+e- seen at Earth after diffusion and radiative losses: its intensity and the dipole its
 * own particles would show, delta = 3 D(E)/c |grad f| / f (the source alone, before any dilution by the rest of
 * the flux). Implemented by the burst ({@link BurstPointSource}) and by constant injection over an emission time
 * ({@link ContinuousPointSource}).
 */
public interface PointSource {

    /** J(E) in GeV^-1 m^-2 s^-1 sr^-1 at Earth; 0 where no particle of the source is left. */
    double intensity(double energyGev);

    /** 3 D(E)/c |grad f| / f of the source's own particles; NaN where it has none. */
    double dipoleAlone(double energyGev);

    /**
     * {J(E), delta_source(E)} in one call (NaN for delta_source where J = 0); sources whose two quantities share
     * an integral compute it once.
     */
    default double[] intensityAndDipole(double energyGev) {
        double j = intensity(energyGev);
        return new double[] {j, j > 0 ? dipoleAlone(energyGev) : Double.NaN};
    }

    /** The energy above which no particle of the source reaches Earth (infinite without losses). */
    double maxEnergyGev();
}
