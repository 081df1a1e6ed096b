package org.cranisotropy.harmonics;

import org.cranisotropy.sky.HealpixMap;

/**
 * The pixel-by-pixel quadrature a_lm = (4 pi / N_pix) sum_p m_p conj(Y_lm(theta_p, phi_p)) over the
 * non-zero pixels only: the same sum as {@link SphericalHarmonicTransform} with iter = 0, cheaper
 * when lmax is small (the dipole analysis needs lmax 1..3) or the map is sparse (a few TeV events).
 * Cost O(nonzero pixels x lmax^2) instead of O(N_pix log + rings x lmax^2).
 */
public final class DirectHarmonicSum {
    private final RingGeometry rings;
    private final AssociatedLegendre legendre;
    private final int lmax;

    public DirectHarmonicSum(RingGeometry rings, int lmax) {
        this.rings = rings;
        this.lmax = lmax;
        this.legendre = new AssociatedLegendre(lmax);
    }

    public Alm analyse(HealpixMap map) {
        if (map.nside() != rings.nside()) {
            throw new IllegalArgumentException("map has Nside " + map.nside() + ", geometry " + rings.nside());
        }
        double[] values = map.toArray();
        int n = Alm.size(lmax);
        double[] re = new double[n];
        double[] im = new double[n];
        double[] lambda = new double[lmax + 1];
        double[] mantissa = new double[lmax + 1];
        int[] scale = new int[lmax + 1];
        for (int r = 0; r < rings.ringCount(); r++) {
            int start = (int) rings.startPixel(r);
            int nr = rings.pixelCount(r);
            boolean diagonalDone = false;
            for (int j = 0; j < nr; j++) {
                double v = values[start + j];
                if (v == 0.0) {
                    continue;
                }
                if (!diagonalDone) {
                    legendre.diagonal(rings.sinTheta(r), mantissa, scale);
                    diagonalDone = true;
                }
                double phi = rings.phi0(r) + 2.0 * Math.PI * j / nr;
                for (int m = 0; m <= lmax; m++) {
                    legendre.column(m, rings.z(r), mantissa[m], scale[m], lambda);
                    double c = v * Math.cos(m * phi);
                    double s = -v * Math.sin(m * phi);
                    int base = Alm.index(lmax, 0, m);
                    for (int l = m; l <= lmax; l++) {
                        re[base + l] += lambda[l] * c;
                        im[base + l] += lambda[l] * s;
                    }
                }
            }
        }
        double w = 4.0 * Math.PI / rings.npix();
        for (int k = 0; k < n; k++) {
            re[k] *= w;
            im[k] *= w;
        }
        return new Alm(lmax, re, im);
    }
}
