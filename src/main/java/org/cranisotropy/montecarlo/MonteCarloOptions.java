package org.cranisotropy.montecarlo;

import org.cranisotropy.events.FluxSpectrum;

/**
 * How isotropic samples are made "equivalent to the data" (method.md section 5).
 *
 * @param energies {@link Energies#SPECTRUM}: energies drawn from the flux {@code spectrum} (fitted to
 *     the data, or given) seen through the selection's exposure, each event's direction drawn from the
 *     selection's summed exposure at its energy; {@link Energies#DATA}: the data's own energies and
 *     classes, each direction drawn from the event's class exposure
 * @param spectrum the flux for SPECTRUM, one break or two (null for DATA)
 * @param poisson the ICRC 2019 variant: event counts fluctuate as Poisson — for DATA each data event
 *     appears Poisson(1) times, for SPECTRUM the total is Poisson(N) — so that every pixel's count is
 *     Poisson with mean N x (average exposure map of the selection), normalised; otherwise the sample
 *     has exactly the data's N selected events
 */
public record MonteCarloOptions(Energies energies, FluxSpectrum spectrum, boolean poisson)
        implements java.io.Serializable {
    /** Where a sample's energies come from. */
    public enum Energies { DATA, SPECTRUM }

    public MonteCarloOptions {
        if (energies == Energies.SPECTRUM && spectrum == null) {
            throw new IllegalArgumentException("energies from the spectrum need a spectrum");
        }
    }

    /** The data's energies and classes, exactly N events. */
    public static MonteCarloOptions dataEnergies() {
        return new MonteCarloOptions(Energies.DATA, null, false);
    }

    /** A short description for logs and metadata. */
    public String describe() {
        String e = energies == Energies.DATA ? "data energies and classes" : spectrum.describe();
        return e + (poisson ? ", Poisson counts (ICRC 2019)" : ", fixed N");
    }
}
