package org.cranisotropy.events;

import java.util.Locale;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The smoothly broken power law with two breaks:
 * <pre>
 * dN/dE = (E/E_b1)^(-gamma1) (1 + (E/E_b1)^(1/s1))^(-(gamma2 - gamma1) s1) (1 + (E/E_b2)^(1/s2))^(-(gamma3 - gamma2) s2)
 * </pre>
 * index gamma1 below E_b1, gamma2 between the breaks, gamma3 above E_b2 (E_b1 &lt;= E_b2), softnesses
 * s1 and s2; restricted to [emin, emax]. Either change of index may have either sign: a hardening
 * (gamma2 &lt; gamma1) followed by a softening, as the e+e- spectrum shows near a few hundred GeV and
 * 1 TeV, is one such shape. With gamma3 = gamma2 it is the {@link BrokenPowerLaw} (gamma1, gamma2,
 * E_b1, s1).
 *
 * <p>{@link #integral} integrates the density in ln E by Legendre-Gauss quadrature (Commons Math, split
 * at the breaks); {@link #cdf} and {@link #quantile} (Commons Numbers Brent on the CDF) build on it.
 * {@link #sample} is exact and needs neither: rejection from the pure power law E^(-gamma1), whose
 * acceptance is the product of the two break factors over their maximum on [emin, emax] (each factor is
 * monotonic in E, so its maximum is at an end). The acceptance is at least 1 / that maximum, e.g. ~0.3
 * for a hardening of 0.3 at 300 GeV with emax = 20 TeV.
 */
public record DoubleBrokenPowerLaw(double gamma1, double gamma2, double gamma3, double break1Gev, double softness1,
        double break2Gev, double softness2, double eminGev, double emaxGev) implements FluxSpectrum {

    public DoubleBrokenPowerLaw {
        if (!Double.isFinite(gamma1) || !Double.isFinite(gamma2) || !Double.isFinite(gamma3) || !(break1Gev > 0)
                || !(break2Gev >= break1Gev) || !Double.isFinite(break2Gev) || !(softness1 > 0) || !(softness2 > 0)
                || !Double.isFinite(softness1) || !Double.isFinite(softness2) || !(eminGev > 0) || !(emaxGev > eminGev)
                || !Double.isFinite(emaxGev)) {
            throw new IllegalArgumentException("a double broken spectrum needs finite indices, 0 < break1 <= break2, "
                    + "softnesses > 0 and 0 < emin < emax, got " + toCsvOf(gamma1, gamma2, gamma3, break1Gev, softness1,
                            break2Gev, softness2, eminGev, emaxGev));
        }
    }

    /** The single-break spectrum this one is when gamma3 = gamma2 (E_b2 and s2 then play no part). */
    public static DoubleBrokenPowerLaw of(BrokenPowerLaw single, double break2Gev, double softness2) {
        return new DoubleBrokenPowerLaw(single.gamma1(), single.gamma2(), single.gamma2(), single.breakGev(),
                single.softness(), Math.max(break2Gev, single.breakGev()), softness2, single.eminGev(), single.emaxGev());
    }

    /** The nine parameters "gamma1,gamma2,gamma3,break1Gev,softness1,break2Gev,softness2,eminGev,emaxGev". */
    @Override
    public String toCsv() {
        return toCsvOf(gamma1, gamma2, gamma3, break1Gev, softness1, break2Gev, softness2, eminGev, emaxGev);
    }

    private static String toCsvOf(double... p) {
        StringBuilder s = new StringBuilder();
        for (double v : p) {
            s.append(s.length() == 0 ? "" : ",").append(v);
        }
        return s.toString();
    }

    /** The spectrum {@link #toCsv} wrote. */
    public static DoubleBrokenPowerLaw parse(String csv) {
        String[] v = csv.split(",");
        if (v.length != 9) {
            throw new IllegalArgumentException("a double broken spectrum needs 9 comma-separated numbers, got '" + csv
                    + "'");
        }
        double[] p = new double[9];
        for (int i = 0; i < 9; i++) {
            p[i] = Double.parseDouble(v[i].trim());
        }
        return new DoubleBrokenPowerLaw(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "double broken spectrum gamma1 %.4f gamma2 %.4f gamma3 %.4f break1 %.1f GeV "
                + "softness1 %.4f break2 %.1f GeV softness2 %.4f on [%.2f, %.1f] GeV", gamma1, gamma2, gamma3, break1Gev,
                softness1, break2Gev, softness2, eminGev, emaxGev);
    }

    /** ln(1 + e^z) without overflow. */
    public static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** ln dN/dE at x = ln E (the normalisation of {@link #density}). */
    public double lnDensity(double lnE) {
        double l1 = Math.log(break1Gev);
        double l2 = Math.log(break2Gev);
        return -gamma1 * (lnE - l1) - (gamma2 - gamma1) * softness1 * softplus((lnE - l1) / softness1)
                - (gamma3 - gamma2) * softness2 * softplus((lnE - l2) / softness2);
    }

    @Override
    public double density(double energyGev) {
        return Math.exp(lnDensity(Math.log(energyGev)));
    }

    /** The break factor (1 + (E/E_b)^(1/s))^(-dg s), monotonic in E. */
    private static double factor(double e, double breakGev, double softness, double dg) {
        return Math.pow(1.0 + Math.pow(e / breakGev, 1.0 / softness), -dg * softness);
    }

    private double factors(double e) {
        return factor(e, break1Gev, softness1, gamma2 - gamma1) * factor(e, break2Gev, softness2, gamma3 - gamma2);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        double fmax = Math.max(factor(eminGev, break1Gev, softness1, gamma2 - gamma1),
                factor(emaxGev, break1Gev, softness1, gamma2 - gamma1))
                * Math.max(factor(eminGev, break2Gev, softness2, gamma3 - gamma2),
                        factor(emaxGev, break2Gev, softness2, gamma3 - gamma2));
        double a = 1.0 - gamma1;
        boolean logUniform = Math.abs(a) < 1e-9;
        double lo = logUniform ? Math.log(eminGev) : Math.pow(eminGev, a);
        double hi = logUniform ? Math.log(emaxGev) : Math.pow(emaxGev, a);
        while (true) {
            double v = lo + rng.nextDouble() * (hi - lo);
            double e = Math.min(emaxGev, Math.max(eminGev, logUniform ? Math.exp(v) : Math.pow(v, 1.0 / a)));
            if (rng.nextDouble() * fmax <= factors(e)) {
                return e;
            }
        }
    }

    /** The integral of the density over [aGev, bGev] (clipped to [emin, emax]), in ln E split at the breaks. */
    public double integral(double aGev, double bGev) {
        double a = Math.log(Math.max(aGev, eminGev));
        double b = Math.log(Math.min(bGev, emaxGev));
        if (!(b > a)) {
            return 0.0;
        }
        double[] cuts = java.util.stream.DoubleStream.of(a, Math.log(break1Gev), Math.log(break2Gev), b)
                .filter(x -> x >= a && x <= b).sorted().distinct().toArray();
        IterativeLegendreGaussIntegrator gauss = new IterativeLegendreGaussIntegrator(8, 1e-12, 1e-300);
        double sum = 0;
        for (int k = 0; k + 1 < cuts.length; k++) {
            double lo = cuts[k];
            double hi = cuts[k + 1];
            double m = 0.5 * (lo + hi);
            // a piece too short for the quadrature's points: the midpoint rule (error ~ width^3)
            sum += hi - lo < 1e-6 ? Math.exp(lnDensity(m) + m) * (hi - lo)
                    : gauss.integrate(1_000_000, u -> Math.exp(lnDensity(u) + u), lo, hi);
        }
        return sum;
    }

    /** P(E' &lt;= E) of the flux on [emin, emax]. */
    public double cdf(double energyGev) {
        if (energyGev <= eminGev) {
            return 0.0;
        }
        if (energyGev >= emaxGev) {
            return 1.0;
        }
        return integral(eminGev, energyGev) / integral(eminGev, emaxGev);
    }

    /** The energy E with {@link #cdf}(E) = p (Brent in ln E, relative accuracy 1e-12). */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability is in [0, 1], got " + p);
        }
        if (p == 0) {
            return eminGev;
        }
        if (p == 1) {
            return emaxGev;
        }
        double total = integral(eminGev, emaxGev);
        double lo = Math.log(eminGev);
        double u = new BrentSolver(1e-12, 1e-14, 0).findRoot(x -> integral(eminGev, Math.exp(x)) / total - p, lo,
                Math.log(emaxGev));
        return Math.exp(u);
    }
}
