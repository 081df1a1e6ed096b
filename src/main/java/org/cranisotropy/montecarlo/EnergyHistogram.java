package org.cranisotropy.montecarlo;

import org.cranisotropy.analysis.PreparedSample;

/**
 * The data's selected energies in [eminGev, emaxGev] counted in equal steps of ln E: what the
 * spectrum's goodness of fit ({@link ObservedSpectrum#goodnessOfFit}) and the report's spectrum figure
 * compare with {@link ObservedSpectrum#expected}. Immutable.
 */
public record EnergyHistogram(double eminGev, double emaxGev, long[] observed, long total) {
    public EnergyHistogram {
        observed = observed.clone();
    }

    @Override
    public long[] observed() {
        return observed.clone();
    }

    /** The events of the data with energies in [eminGev, emaxGev], in {@code bins} log bins. */
    public static EnergyHistogram of(PreparedSample data, double eminGev, double emaxGev, int bins) {
        double lo = Math.log(eminGev);
        double hi = Math.log(emaxGev);
        long[] observed = new long[bins];
        long n = 0;
        for (int i = 0; i < data.size(); i++) {
            double u = Math.log(data.energyGev(i));
            if (u < lo || u > hi) {
                continue;
            }
            observed[Math.min(bins - 1, (int) ((u - lo) / (hi - lo) * bins))]++;
            n++;
        }
        return new EnergyHistogram(eminGev, emaxGev, observed, n);
    }

    public int bins() {
        return observed.length;
    }

    /** Lower edge of bin k (GeV); {@code edge(bins())} is the upper edge of the last bin. */
    public double edge(int k) {
        double lo = Math.log(eminGev);
        double hi = Math.log(emaxGev);
        return Math.exp(lo + (hi - lo) * k / observed.length);
    }
}
