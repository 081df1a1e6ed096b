package org.cranisotropy.events;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The smoothly broken power law of the e+e- spectrum (H.E.S.S., seed 004):
 * dN/dE = (E/E_b)^(-gamma1) (1 + (E/E_b)^(1/s))^(-(gamma2 - gamma1) s), index gamma1 below the break
 * E_b, gamma2 above, softness s; restricted to [emin, emax]. Sampled exactly by rejection from the
 * pure power law E^(-gamma1) (inverse CDF), since the break factor only decreases (gamma2 &gt; gamma1).
 */
public record BrokenPowerLaw(double gamma1, double gamma2, double breakGev, double softness, double eminGev,
        double emaxGev) implements FluxSpectrum {

    public BrokenPowerLaw {
        if (!(gamma1 > 1) || !(gamma2 >= gamma1) || !(breakGev > 0) || !(softness > 0) || !(eminGev > 0)
                || !(emaxGev > eminGev)) {
            throw new IllegalArgumentException("spectrum needs index > 1, index-high >= index, break, softness > 0 "
                    + "and 0 < emin < emax");
        }
    }

    /** The six parameters as "gamma1,gamma2,breakGev,softness,eminGev,emaxGev" (full precision; {@link #parse}). */
    public String toCsv() {
        return gamma1 + "," + gamma2 + "," + breakGev + "," + softness + "," + eminGev + "," + emaxGev;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "spectrum gamma1 %.4f gamma2 %.4f break %.1f GeV softness %.4f on [%.2f, %.1f] GeV", gamma1, gamma2,
                breakGev, softness, eminGev, emaxGev);
    }

    /** The spectrum {@link #toCsv} wrote. */
    public static BrokenPowerLaw parse(String csv) {
        String[] v = csv.split(",");
        if (v.length != 6) {
            throw new IllegalArgumentException("a spectrum needs 6 comma-separated numbers, got '" + csv + "'");
        }
        double[] p = new double[6];
        for (int i = 0; i < 6; i++) {
            p[i] = Double.parseDouble(v[i].trim());
        }
        return new BrokenPowerLaw(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /** The break factor (1 + (E/E_b)^(1/s))^(-(gamma2 - gamma1) s), decreasing in E. */
    double breakFactor(double e) {
        return Math.pow(1.0 + Math.pow(e / breakGev, 1.0 / softness), -(gamma2 - gamma1) * softness);
    }

    /** dN/dE up to normalisation. */
    public double density(double e) {
        return Math.pow(e / breakGev, -gamma1) * breakFactor(e);
    }

    public double sample(UniformRandomProvider rng) {
        double a = 1.0 - gamma1;
        double lo = Math.pow(eminGev, a);
        double hi = Math.pow(emaxGev, a);
        double fmax = breakFactor(eminGev);
        while (true) {
            double e = Math.pow(lo + rng.nextDouble() * (hi - lo), 1.0 / a);
            if (rng.nextDouble() * fmax <= breakFactor(e)) {
                return e;
            }
        }
    }
}
