package org.cranisotropy.analysis;

import org.cranisotropy.harmonics.AssociatedLegendre;
import org.cranisotropy.harmonics.Alm;
import org.cranisotropy.harmonics.RingGeometry;

/**
 * Per-pixel table of (4 pi / N_pix) conj(Y_lm(theta_p, phi_p)) for l &lt;= 3, 0 &lt;= m &lt;= l, so that
 * an event of weight w in pixel p adds w times row p to a_lm (method.md section 3: a_lm is linear in
 * the map, so threshold scans accumulate events instead of rebuilding maps). Summed over all events
 * this is exactly the pixel-centre quadrature of {@code DirectHarmonicSum} / healpy iter 0.
 * Immutable; 20 doubles per pixel (Re, Im in Alm order).
 */
public final class LowMultipoles {
    /** The multipoles of the analysis: monopole to octupole. */
    public static final int LMAX = 3;
    /** Doubles per pixel: Re and Im of the 10 coefficients. */
    public static final int STRIDE = 2 * Alm.size(LMAX);

    private final int nside;
    private final double[] table;

    public LowMultipoles(int nside) {
        RingGeometry rings = new RingGeometry(nside);
        AssociatedLegendre legendre = new AssociatedLegendre(LMAX);
        this.nside = nside;
        this.table = new double[(int) rings.npix() * STRIDE];
        double w = 4.0 * Math.PI / rings.npix();
        double[] lambda = new double[LMAX + 1];
        double[] mantissa = new double[LMAX + 1];
        int[] scale = new int[LMAX + 1];
        for (int r = 0; r < rings.ringCount(); r++) {
            legendre.diagonal(rings.sinTheta(r), mantissa, scale);
            int nr = rings.pixelCount(r);
            for (int j = 0; j < nr; j++) {
                int p = (int) rings.startPixel(r) + j;
                double phi = rings.phi0(r) + 2.0 * Math.PI * j / nr;
                for (int m = 0; m <= LMAX; m++) {
                    legendre.column(m, rings.z(r), mantissa[m], scale[m], lambda);
                    double c = Math.cos(m * phi);
                    double s = -Math.sin(m * phi);
                    for (int l = m; l <= LMAX; l++) {
                        int k = p * STRIDE + 2 * Alm.index(LMAX, l, m);
                        table[k] = w * lambda[l] * c;
                        table[k + 1] = w * lambda[l] * s;
                    }
                }
            }
        }
    }

    public int nside() {
        return nside;
    }

    /** acc[k] += weight * row p (acc has {@link #STRIDE} entries). */
    public void add(double[] acc, int pixel, double weight) {
        int base = pixel * STRIDE;
        for (int k = 0; k < STRIDE; k++) {
            acc[k] += weight * table[base + k];
        }
    }

    /** corrected[k] += weight * row p and raw[k] += row p, reading the row once. */
    public void addWeightedAndRaw(double[] corrected, double[] raw, int pixel, double weight) {
        int base = pixel * STRIDE;
        for (int k = 0; k < STRIDE; k++) {
            double y = table[base + k];
            corrected[k] += weight * y;
            raw[k] += y;
        }
    }

    /** The Alm of an accumulator. */
    public static Alm toAlm(double[] acc) {
        double[] re = new double[Alm.size(LMAX)];
        double[] im = new double[Alm.size(LMAX)];
        for (int i = 0; i < re.length; i++) {
            re[i] = acc[2 * i];
            im[i] = acc[2 * i + 1];
        }
        return Alm.of(LMAX, re, im);
    }
}
