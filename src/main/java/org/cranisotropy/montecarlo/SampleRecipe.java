package org.cranisotropy.montecarlo;

import java.util.Locale;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.exposure.EnergyBinning;

/**
 * How to make the isotropic samples of a data set, before the data set is known (cra.simulation and
 * its command-line options): the energies mode, the Poisson variant, and for SPECTRUM a given flux
 * shape (gamma1, gamma2, break, softness) or none (fit it to the data), and the flux's range (null:
 * the lowest selected energy, and the higher of the highest one and the exposure's top bin edge).
 * {@link #options} turns it into the {@link MonteCarloOptions} of one data set.
 */
public record SampleRecipe(MonteCarloOptions.Energies energies, boolean poisson, double[] givenShape, Double eminGev,
        Double emaxGev) implements java.io.Serializable {
    public SampleRecipe {
        if (givenShape != null && givenShape.length != 4) {
            throw new IllegalArgumentException("a given spectrum needs gamma1, gamma2, break, softness");
        }
        givenShape = givenShape == null ? null : givenShape.clone();
    }

    /** Whether the flux is fitted to the data. */
    public boolean fitted() {
        return energies == MonteCarloOptions.Energies.SPECTRUM && givenShape == null;
    }

    /** The options for this data set (fits the flux when none is given). */
    public MonteCarloOptions options(PreparedSample data) {
        if (energies == MonteCarloOptions.Energies.DATA) {
            return new MonteCarloOptions(MonteCarloOptions.Energies.DATA, null, poisson);
        }
        double lowest = data.energyGev(data.size() - 1);
        double highest = data.energyGev(0);
        EnergyBinning binning = data.exposure().binning();
        double emin = eminGev != null ? eminGev : lowest;
        double emax = emaxGev != null ? emaxGev : Math.max(highest, binning.upper(binning.size() - 1));
        if (!(emin <= lowest) || !(emax >= highest)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the spectrum's range [%g, %g] GeV must contain every selected event (%g .. %g GeV)", emin, emax,
                    lowest, highest));
        }
        BrokenPowerLaw flux = givenShape != null
                ? new BrokenPowerLaw(givenShape[0], givenShape[1], givenShape[2], givenShape[3], emin, emax)
                : ObservedSpectrum.fit(data, emin, emax);
        return new MonteCarloOptions(MonteCarloOptions.Energies.SPECTRUM, flux, poisson);
    }
}
