package org.cranisotropy.montecarlo;

import org.cranisotropy.events.FluxSpectrum;
import org.cranisotropy.exposure.InstrumentFrame;

/**
 * How isotropic samples are made "equivalent to the data" (method.md section 5).
 *
 * @param energies {@link Energies#SPECTRUM}: energies drawn from the flux {@code spectrum} (fitted to
 *     the data, or given) seen through the selection's exposure, each event's direction drawn from the
 *     selection's summed exposure at its energy; {@link Energies#DATA}: the data's own energies and
 *     classes, each direction drawn from the event's class exposure; {@link Energies#SHUFFLE}: the data's
 *     own events (energies, classes, zenith angles and azimuths) with their times permuted among them, each
 *     direction recomputed through the orbit ({@link TimeShuffle}, the Fermi-LAT data-driven method)
 * @param spectrum the flux for SPECTRUM, one break or two (null otherwise)
 * @param poisson the ICRC 2019 variant: event counts fluctuate as Poisson — for DATA each data event
 *     appears Poisson(1) times, for SPECTRUM the total is Poisson(N) — so that every pixel's count is
 *     Poisson with mean N x (average exposure map of the selection), normalised; otherwise the sample
 *     has exactly the data's N selected events (SHUFFLE: the class-selected events whose recomputed
 *     direction the exposure floor keeps; no Poisson variant)
 * @param frame SHUFFLE: the detector frame on the orbit the directions are recomputed through (null otherwise)
 */
public record MonteCarloOptions(Energies energies, FluxSpectrum spectrum, boolean poisson, InstrumentFrame frame)
        implements java.io.Serializable {
    /** Where a sample's energies come from. */
    public enum Energies { DATA, SPECTRUM, SHUFFLE }

    public MonteCarloOptions {
        if (energies == Energies.SPECTRUM && spectrum == null) {
            throw new IllegalArgumentException("energies from the spectrum need a spectrum");
        }
        if (energies == Energies.SHUFFLE && frame == null) {
            throw new IllegalArgumentException("shuffled times need the orbit (the cra.exposure section)");
        }
        if (energies == Energies.SHUFFLE && poisson) {
            throw new IllegalArgumentException("shuffled times permute the data's own events: no Poisson variant "
                    + "(poisson = false with energies = shuffle)");
        }
    }

    /** DATA or SPECTRUM options (no orbit). */
    public MonteCarloOptions(Energies energies, FluxSpectrum spectrum, boolean poisson) {
        this(energies, spectrum, poisson, null);
    }

    /** SHUFFLE: the data's events with their times permuted, directions recomputed in this frame. */
    public static MonteCarloOptions shuffledTimes(InstrumentFrame frame) {
        return new MonteCarloOptions(Energies.SHUFFLE, null, false, frame);
    }

    /** The data's energies and classes, exactly N events. */
    public static MonteCarloOptions dataEnergies() {
        return new MonteCarloOptions(Energies.DATA, null, false);
    }

    /** How {@link #describe()} of SHUFFLE options begins (the samples' footer, read back by cra validate). */
    public static final String SHUFFLE_DESCRIPTION = "shuffled times: the data's events (energies, classes, zenith "
            + "angles, azimuths) with their times permuted, directions recomputed through the orbit";

    /** A short description for logs and metadata. */
    public String describe() {
        if (energies == Energies.SHUFFLE) {
            return SHUFFLE_DESCRIPTION + " (" + frame.orbit() + ")";
        }
        String e = energies == Energies.DATA ? "data energies and classes" : spectrum.describe();
        return e + (poisson ? ", Poisson counts (ICRC 2019)" : ", fixed N");
    }
}
