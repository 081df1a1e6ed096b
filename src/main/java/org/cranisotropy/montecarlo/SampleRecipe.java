package org.cranisotropy.montecarlo;

import java.util.Locale;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.events.BrokenPowerLaw;
import org.cranisotropy.events.DoubleBrokenPowerLaw;
import org.cranisotropy.events.FluxSpectrum;
import org.cranisotropy.exposure.EnergyBinning;

/**
 * How to make the isotropic samples of a data set, before the data set is known (cra.simulation and
 * its command-line options): the energies mode, the Poisson variant, and for SPECTRUM a given flux
 * shape or none: one break (gamma1, gamma2, break, softness: {@link BrokenPowerLaw}), two breaks with one
 * softness (gamma1, gamma2, gamma3, break1, break2, softness: {@link DoubleBrokenPowerLaw}, the shape the
 * double fit has), or none (fit it to the data, with one break, two, or the
 * choice between them: {@code model}, {@link SpectrumChoice}), and the flux's range (null: the lowest
 * selected energy, and the higher of the highest one and the exposure's top bin edge); for SHUFFLE the
 * detector frame on the orbit ({@code frame}, null otherwise).
 * {@link #options} turns it into the {@link MonteCarloOptions} of one data set.
 */
public record SampleRecipe(MonteCarloOptions.Energies energies, boolean poisson, double[] givenShape, Double eminGev,
        Double emaxGev, SpectrumModel model, org.cranisotropy.exposure.InstrumentFrame frame)
        implements java.io.Serializable {
    public SampleRecipe {
        if (energies == MonteCarloOptions.Energies.SHUFFLE && frame == null) {
            throw new IllegalArgumentException("shuffled times need the orbit (the cra.exposure section)");
        }
        if (energies == MonteCarloOptions.Energies.SHUFFLE && poisson) {
            throw new IllegalArgumentException("shuffled times permute the data's own events: no Poisson variant "
                    + "(poisson = false with energies = shuffle)");
        }
        if (givenShape != null && givenShape.length != 4 && givenShape.length != 6) {
            throw new IllegalArgumentException("a given spectrum needs gamma1, gamma2, break, softness (one break) or "
                    + "gamma1, gamma2, gamma3, break1, break2, softness (two breaks), got " + givenShape.length
                    + " numbers");
        }
        givenShape = givenShape == null ? null : givenShape.clone();
        model = model == null ? SpectrumModel.AUTO : model;
    }

    /** A DATA or SPECTRUM recipe (no orbit). */
    public SampleRecipe(MonteCarloOptions.Energies energies, boolean poisson, double[] givenShape, Double eminGev,
            Double emaxGev, SpectrumModel model) {
        this(energies, poisson, givenShape, eminGev, emaxGev, model, null);
    }

    /** The recipe with the spectrum model chosen by likelihood ratio ({@link SpectrumModel#AUTO}). */
    public SampleRecipe(MonteCarloOptions.Energies energies, boolean poisson, double[] givenShape, Double eminGev,
            Double emaxGev) {
        this(energies, poisson, givenShape, eminGev, emaxGev, SpectrumModel.AUTO);
    }

    /** The options of one data set and, when the flux was fitted, the fits and the model chosen (else null). */
    public record Made(MonteCarloOptions options, SpectrumChoice choice) {}

    /** Whether the flux is fitted to the data. */
    public boolean fitted() {
        return energies == MonteCarloOptions.Energies.SPECTRUM && givenShape == null;
    }

    /** The options for this data set (fits the flux when none is given). */
    public MonteCarloOptions options(PreparedSample data) {
        return make(data).options();
    }

    /** The options for this data set, with the spectrum fits when the flux is fitted. */
    public Made make(PreparedSample data) {
        if (energies == MonteCarloOptions.Energies.SHUFFLE) {
            return new Made(MonteCarloOptions.shuffledTimes(frame), null);
        }
        if (energies == MonteCarloOptions.Energies.DATA) {
            return new Made(new MonteCarloOptions(MonteCarloOptions.Energies.DATA, null, poisson), null);
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
        if (givenShape != null) {
            double[] g = givenShape;
            FluxSpectrum flux = g.length == 4 ? new BrokenPowerLaw(g[0], g[1], g[2], g[3], emin, emax)
                    : new DoubleBrokenPowerLaw(g[0], g[1], g[2], g[3], g[5], g[4], g[5], emin, emax);
            return new Made(new MonteCarloOptions(MonteCarloOptions.Energies.SPECTRUM, flux, poisson), null);
        }
        SpectrumChoice choice = SpectrumChoice.fit(data, emin, emax, model);
        return new Made(new MonteCarloOptions(MonteCarloOptions.Energies.SPECTRUM, choice.flux(), poisson), choice);
    }
}
