package org.cranisotropy.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.events.FluxSpectrum;

/**
 * The flux model fitted to the data's selected energies for the isotropic samples: one smooth break
 * or two ({@link SpectrumLikelihood}), forced or chosen by likelihood ratio.
 *
 * <p>The double model contains the single (gamma3 = gamma2) and has {@value #EXTRA_PARAMETERS}
 * parameters more (gamma3 and E_b2; one softness for both breaks). The statistic
 * {@code LR = 2 (ln L_double - ln L_single)} is referred to the chi-square distribution with
 * {@value #EXTRA_PARAMETERS} degrees of freedom (Wilks); {@link SpectrumModel#AUTO} takes the double
 * when p &lt; {@value #P_THRESHOLD} (LR &gt; 9.21). Wilks holds only approximately here: under the
 * single model E_b2 is not identified (it can sit anywhere when gamma3 = gamma2), which makes large LR
 * more frequent than chi-square(2) says, and the single's bound gamma2 &gt;= gamma1 is not the double's.
 * method.md section 5 gives the measured rate at which single-break data sets pick the double.
 *
 * @param requested the model asked for
 * @param single the single-break fit
 * @param doubleFit the double-break fit (null when the single is forced: it is not fitted)
 * @param lr the statistic 2 (ln L_double - ln L_single) (NaN without the double fit)
 * @param pValue chi-square({@value #EXTRA_PARAMETERS}) survival probability of lr (NaN without it)
 * @param chosen SINGLE or DOUBLE
 */
public record SpectrumChoice(SpectrumModel requested, SpectrumFit single, SpectrumFit doubleFit, double lr,
        double pValue, SpectrumModel chosen) implements java.io.Serializable {
    /** The parameters the double model has beyond the single's. */
    public static final int EXTRA_PARAMETERS = 2;
    /** The p-value below which {@link SpectrumModel#AUTO} takes the double model. */
    public static final double P_THRESHOLD = 0.01;

    public SpectrumChoice {
        if (chosen != SpectrumModel.SINGLE && chosen != SpectrumModel.DOUBLE) {
            throw new IllegalArgumentException("the chosen model is single or double, got " + chosen);
        }
        if (chosen == SpectrumModel.DOUBLE && doubleFit == null) {
            throw new IllegalArgumentException("the double model was not fitted");
        }
    }

    /** Fits the requested model(s) to the data's selected energies in [eminGev, emaxGev] and chooses. */
    public static SpectrumChoice fit(PreparedSample data, double eminGev, double emaxGev, SpectrumModel requested) {
        SpectrumLikelihood likelihood = SpectrumLikelihood.of(data, eminGev, emaxGev);
        SpectrumFit single = likelihood.fitSingle();
        if (requested == SpectrumModel.SINGLE || requested == SpectrumModel.AUTO && !likelihood.allowsTwoBreaks()) {
            return new SpectrumChoice(requested, single, null, Double.NaN, Double.NaN, SpectrumModel.SINGLE);
        }
        SpectrumFit dbl = likelihood.fitDouble(single);
        return of(requested, single, dbl);
    }

    /** The choice between two fits of the same data (double may be null for SINGLE). */
    public static SpectrumChoice of(SpectrumModel requested, SpectrumFit single, SpectrumFit dbl) {
        if (dbl == null) {
            return new SpectrumChoice(requested, single, null, Double.NaN, Double.NaN, SpectrumModel.SINGLE);
        }
        double lr = Math.max(0.0, 2 * (dbl.logLikelihood() - single.logLikelihood()));
        double p = ChiSquaredDistribution.of(EXTRA_PARAMETERS).survivalProbability(lr);
        SpectrumModel chosen = switch (requested) {
            case SINGLE -> SpectrumModel.SINGLE;
            case DOUBLE -> SpectrumModel.DOUBLE;
            case AUTO -> p < P_THRESHOLD ? SpectrumModel.DOUBLE : SpectrumModel.SINGLE;
        };
        return new SpectrumChoice(requested, single, dbl, lr, p, chosen);
    }

    /** The LR above which {@link SpectrumModel#AUTO} takes the double model (9.21). */
    public static double threshold() {
        return ChiSquaredDistribution.of(EXTRA_PARAMETERS).inverseSurvivalProbability(P_THRESHOLD);
    }

    /** The chosen fit. */
    public SpectrumFit chosenFit() {
        return chosen == SpectrumModel.DOUBLE ? doubleFit : single;
    }

    /** The chosen flux. */
    public FluxSpectrum flux() {
        return chosenFit().flux();
    }

    /** Why this model: forced, or the test's outcome. */
    public String decision() {
        if (requested != SpectrumModel.AUTO) {
            return chosen.key() + " (forced)";
        }
        return String.format(Locale.ROOT, "%s (auto: the double when p < %s, LR > %.2f)", chosen.key(),
                Double.toString(P_THRESHOLD), threshold());
    }

    /** One line for the metadata: the decision, each model's maximum ln L, the statistic and its p-value. */
    public String summary() {
        StringBuilder s = new StringBuilder("model ").append(decision()).append(String.format(Locale.ROOT,
                "; single: max ln L %.2f (4 parameters: %s)", single.logLikelihood(), single.describeParameters()));
        if (doubleFit != null) {
            s.append(String.format(Locale.ROOT, "; double: max ln L %.2f (6 parameters: %s); LR = 2 (ln L_double - "
                    + "ln L_single) = %.2f, p = %.3g (Wilks, chi-square %d dof)", doubleFit.logLikelihood(),
                    doubleFit.describeParameters(), lr, pValue, EXTRA_PARAMETERS));
        } else {
            s.append("; double: not fitted");
        }
        return s.toString();
    }

    /** The summary as lines for a log. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "spectrum model %s", decision()));
        out.add(String.format(Locale.ROOT, "  single break: max ln L %.2f; %s%s", single.logLikelihood(),
                single.describeParameters(), bounds(single)));
        if (doubleFit != null) {
            out.add(String.format(Locale.ROOT, "  two breaks:   max ln L %.2f; %s%s", doubleFit.logLikelihood(),
                    doubleFit.describeParameters(), bounds(doubleFit)));
            out.add(String.format(Locale.ROOT, "  LR = 2 (ln L_double - ln L_single) = %.2f for %d more parameters, "
                    + "p = %.3g (Wilks, chi-square %d dof)", lr, EXTRA_PARAMETERS, pValue, EXTRA_PARAMETERS));
        } else {
            out.add(requested == SpectrumModel.SINGLE ? "  two breaks: not fitted (single forced)"
                    : "  two breaks: not fitted (the range is narrower than a factor 4)");
        }
        return out;
    }

    private static String bounds(SpectrumFit f) {
        return f.atBounds().isEmpty() ? "" : "; on a bound of the fit: " + String.join(", ", f.atBounds());
    }
}
