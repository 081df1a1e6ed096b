package org.cranisotropy.events;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A flux shape dN/dE (up to normalisation) on [emin, emax]: the smoothly broken power law with one
 * break ({@link BrokenPowerLaw}) or with two ({@link DoubleBrokenPowerLaw}). What the isotropic samples'
 * energies are drawn from, seen through the exposure.
 */
public sealed interface FluxSpectrum extends java.io.Serializable permits BrokenPowerLaw, DoubleBrokenPowerLaw {
    /** dN/dE up to normalisation. */
    double density(double energyGev);

    double eminGev();

    double emaxGev();

    /** One energy drawn from the flux on [emin, emax] (exact). */
    double sample(UniformRandomProvider rng);

    /** The parameters as comma-separated numbers (full precision), read back by {@link #parse}. */
    String toCsv();

    /** A one-line description for logs and metadata. */
    String describe();

    /** The spectrum {@link #toCsv} wrote: 6 numbers a single break, 9 numbers two breaks. */
    static FluxSpectrum parse(String csv) {
        int n = csv.split(",").length;
        return switch (n) {
            case 6 -> BrokenPowerLaw.parse(csv);
            case 9 -> DoubleBrokenPowerLaw.parse(csv);
            default -> throw new IllegalArgumentException(
                    "a spectrum needs 6 (one break) or 9 (two breaks) comma-separated numbers, got '" + csv + "'");
        };
    }
}
