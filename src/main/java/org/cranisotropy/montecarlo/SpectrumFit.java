package org.cranisotropy.montecarlo;

import java.util.List;
import java.util.Locale;
import org.cranisotropy.events.FluxSpectrum;

/**
 * One maximum-likelihood flux fitted to the data's selected energies through the exposure
 * ({@link SpectrumLikelihood}).
 *
 * @param flux the fitted flux
 * @param logLikelihood the maximum log-likelihood of the energies, sum of ln g(E_i) with g the
 *     normalised density of the observed energies F(E) S_sel(E) / Z (per GeV)
 * @param parameters the number of fitted parameters (4 for one break, 6 for two)
 * @param names the names of the natural parameters: indices, ln of the breaks, ln of the softness
 * @param values their fitted values
 * @param errors their 1-sigma errors from the inverse of the numerical Hessian of -ln L (NaN for a
 *     parameter on a bound of the fit, or where the Hessian is not positive definite)
 * @param atBounds the parameters on a bound of the fit, described (the data do not constrain them there)
 */
public record SpectrumFit(FluxSpectrum flux, double logLikelihood, int parameters, List<String> names, double[] values,
        double[] errors, List<String> atBounds) implements java.io.Serializable {
    public SpectrumFit {
        names = List.copyOf(names);
        values = values.clone();
        errors = errors.clone();
        atBounds = List.copyOf(atBounds);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] errors() {
        return errors.clone();
    }

    /** The 1-sigma error of the named parameter (NaN: not estimated). */
    public double error(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter " + name + " in " + names);
        }
        return errors[i];
    }

    /**
     * The parameters with their errors: indices as "3.102 ± 0.008", breaks and softness (fitted in
     * ln) as "980 GeV ± 12 %".
     */
    public String describeParameters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            s.append(i == 0 ? "" : ", ");
            boolean log = n.startsWith("ln ");
            String shown = log ? n.substring(3) : n;
            double v = log ? Math.exp(values[i]) : values[i];
            s.append(shown).append(' ').append(String.format(Locale.ROOT, log ? "%.4g" : "%.3f", v));
            if (shown.startsWith("break")) {
                s.append(" GeV");
            }
            if (Double.isFinite(errors[i])) {
                s.append(String.format(Locale.ROOT, log ? " ± %.0f %%" : " ± %.3f", log ? 100 * errors[i] : errors[i]));
            }
        }
        return s.toString();
    }
}
