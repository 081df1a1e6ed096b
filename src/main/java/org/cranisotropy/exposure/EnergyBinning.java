package org.cranisotropy.exposure;

import java.util.Arrays;

/**
 * Energy bins of the exposure maps: increasing edges e_0 &lt; e_1 &lt; ... &lt; e_n in GeV, bin k
 * = [e_k, e_k+1), represented by its logarithmic centre sqrt(e_k e_k+1). Immutable.
 */
public final class EnergyBinning implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] edges;

    public EnergyBinning(double[] edgesGev) {
        if (edgesGev.length < 2) {
            throw new IllegalArgumentException("an energy binning needs at least two edges");
        }
        for (int k = 0; k < edgesGev.length; k++) {
            if (!(edgesGev[k] > 0) || (k > 0 && !(edgesGev[k] > edgesGev[k - 1]))) {
                throw new IllegalArgumentException("energy edges must be positive and increasing: "
                        + Arrays.toString(edgesGev));
            }
        }
        this.edges = edgesGev.clone();
    }

    /** n bins equidistant in log E from emin to emax. */
    public static EnergyBinning logarithmic(double eminGev, double emaxGev, int n) {
        double[] e = new double[n + 1];
        double step = Math.log(emaxGev / eminGev) / n;
        for (int k = 0; k <= n; k++) {
            e[k] = k == n ? emaxGev : eminGev * Math.exp(k * step);
        }
        return new EnergyBinning(e);
    }

    public int size() {
        return edges.length - 1;
    }

    public double lower(int bin) {
        return edges[bin];
    }

    public double upper(int bin) {
        return edges[bin + 1];
    }

    /** Logarithmic centre sqrt(e_k e_k+1). */
    public double centre(int bin) {
        return Math.sqrt(edges[bin] * edges[bin + 1]);
    }

    public double[] edges() {
        return edges.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnergyBinning b && Arrays.equals(b.edges, edges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
        return "EnergyBinning" + Arrays.toString(edges);
    }
}
