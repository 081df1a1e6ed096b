package org.cranisotropy.harmonics;

import java.util.HashMap;
import java.util.Map;
import org.cranisotropy.sky.HealpixMap;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Spherical-harmonic analysis (map to a_lm) and synthesis (a_lm to map) of full-sky HEALPix maps in
 * RING ordering, by the ring method of HEALPix (Gorski et al. 2005, section 5; Reinecke &amp;
 * Seljebotn 2013): an FFT along each iso-latitude ring, then the Legendre sum in theta.
 *
 * <p>Analysis is the quadrature at pixel centres of healpy's {@code map2alm(iter=0)}:
 * <pre>
 *   a_lm = (4 pi / N_pix) sum_rings lambda_lm(z_r) F_r(m),
 *   F_r(m) = sum_j m_rj e^{-i m phi_rj} = e^{-i m phi0_r} DFT_r[m mod n_r]
 * </pre>
 * and with {@code iter &gt; 0} the Jacobi iterations of healpy / HEALPix {@code map2alm_iter}:
 * a &lt;- a + map2alm(map - alm2map(a)). Synthesis is the exact inverse sum
 * m(theta_r, phi_rj) = sum_lm a_lm lambda_lm(z_r) e^{i m phi_rj} (negative m by a_l,-m =
 * (-1)^m conj(a_lm)), with m &gt;= n_r folded onto the ring's n_r frequencies.
 *
 * <p>Instances are bound to (Nside, lmax) and hold precomputed geometry, Legendre coefficients and
 * FFT plans. JTransforms does not promise thread safety of a plan, so use one instance per thread.
 */
public final class SphericalHarmonicTransform {
    static {
        // single-threaded FFTs: the pipeline parallelises over samples, and results stay bit-stable
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final RingGeometry rings;
    private final AssociatedLegendre legendre;
    private final int lmax;
    private final Map<Integer, DoubleFFT_1D> ffts = new HashMap<>();

    public SphericalHarmonicTransform(int nside, int lmax) {
        this(new RingGeometry(nside), lmax);
    }

    public SphericalHarmonicTransform(RingGeometry rings, int lmax) {
        this.rings = rings;
        this.lmax = lmax;
        this.legendre = new AssociatedLegendre(lmax);
        for (int r = 0; r < rings.ringCount(); r++) {
            ffts.computeIfAbsent(rings.pixelCount(r), DoubleFFT_1D::new);
        }
    }

    public int nside() {
        return rings.nside();
    }

    public int lmax() {
        return lmax;
    }

    /** healpy {@code map2alm(map, lmax, iter=iter)}. */
    public Alm analyse(HealpixMap map, int iter) {
        requireNside(map);
        if (iter < 0) {
            throw new IllegalArgumentException("iter must be >= 0, got " + iter);
        }
        double[] values = map.toArray();
        Alm alm = analyse(values);
        for (int k = 0; k < iter; k++) {
            double[] model = synthesise(alm);
            for (int p = 0; p < values.length; p++) {
                model[p] = values[p] - model[p];
            }
            alm = alm.plus(analyse(model));
        }
        return alm;
    }

    /** healpy {@code alm2map(alm, nside)}: the RING map of a_lm at this Nside. */
    public HealpixMap synthesiseMap(Alm alm) {
        return HealpixMap.adoptRing(rings.nside(), synthesise(alm));
    }

    private Alm analyse(double[] map) {
        int n = Alm.size(lmax);
        double[] re = new double[n];
        double[] im = new double[n];
        double[] north = new double[2 * (lmax + 1)];
        double[] south = new double[2 * (lmax + 1)];
        double[] lambda = new double[lmax + 1];
        double[] mantissa = new double[lmax + 1];
        int[] scale = new int[lmax + 1];
        int half = rings.ringCount() / 2; // rings 0..half-1 north, half = equator
        for (int r = 0; r <= half; r++) {
            int s = rings.mirror(r);
            ringCoefficients(map, r, north);
            if (s != r) {
                ringCoefficients(map, s, south);
            } else {
                java.util.Arrays.fill(south, 0.0);
            }
            double x = rings.z(r);
            legendre.diagonal(rings.sinTheta(r), mantissa, scale);
            for (int m = 0; m <= lmax; m++) {
                legendre.column(m, x, mantissa[m], scale[m], lambda);
                double evenRe = north[2 * m] + south[2 * m];
                double evenIm = north[2 * m + 1] + south[2 * m + 1];
                double oddRe = north[2 * m] - south[2 * m];
                double oddIm = north[2 * m + 1] - south[2 * m + 1];
                int base = Alm.index(lmax, 0, m);
                for (int l = m; l <= lmax; l++) {
                    boolean even = ((l + m) & 1) == 0;
                    re[base + l] += lambda[l] * (even ? evenRe : oddRe);
                    im[base + l] += lambda[l] * (even ? evenIm : oddIm);
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

    /** out[2m], out[2m+1] = F_r(m) = sum_j map_rj e^{-i m phi_rj}, m = 0..lmax. */
    private void ringCoefficients(double[] map, int r, double[] out) {
        int nr = rings.pixelCount(r);
        int start = (int) rings.startPixel(r);
        double[] buf = new double[2 * nr];
        System.arraycopy(map, start, buf, 0, nr);
        ffts.get(nr).realForwardFull(buf);
        double phi0 = rings.phi0(r);
        for (int m = 0; m <= lmax; m++) {
            int k = m % nr;
            double c = Math.cos(m * phi0);
            double s = Math.sin(m * phi0);
            double fr = buf[2 * k];
            double fi = buf[2 * k + 1];
            // multiply by e^{-i m phi0}
            out[2 * m] = fr * c + fi * s;
            out[2 * m + 1] = fi * c - fr * s;
        }
    }

    private double[] synthesise(Alm alm) {
        if (alm.lmax() != lmax) {
            throw new IllegalArgumentException("a_lm have lmax " + alm.lmax() + ", transform " + lmax);
        }
        double[] re = alm.realParts();
        double[] im = alm.imaginaryParts();
        double[] map = new double[(int) rings.npix()];
        double[] north = new double[2 * (lmax + 1)];
        double[] south = new double[2 * (lmax + 1)];
        double[] lambda = new double[lmax + 1];
        double[] mantissa = new double[lmax + 1];
        int[] scale = new int[lmax + 1];
        int half = rings.ringCount() / 2;
        for (int r = 0; r <= half; r++) {
            java.util.Arrays.fill(north, 0.0);
            java.util.Arrays.fill(south, 0.0);
            double x = rings.z(r);
            legendre.diagonal(rings.sinTheta(r), mantissa, scale);
            for (int m = 0; m <= lmax; m++) {
                legendre.column(m, x, mantissa[m], scale[m], lambda);
                int base = Alm.index(lmax, 0, m);
                double er = 0, ei = 0, or = 0, oi = 0; // sums over even / odd l + m
                for (int l = m; l <= lmax; l++) {
                    double tr = lambda[l] * re[base + l];
                    double ti = lambda[l] * im[base + l];
                    if (((l + m) & 1) == 0) {
                        er += tr;
                        ei += ti;
                    } else {
                        or += tr;
                        oi += ti;
                    }
                }
                north[2 * m] = er + or;
                north[2 * m + 1] = ei + oi;
                south[2 * m] = er - or;
                south[2 * m + 1] = ei - oi;
            }
            synthesiseRing(north, r, map);
            int s = rings.mirror(r);
            if (s != r) {
                synthesiseRing(south, s, map);
            }
        }
        return map;
    }

    /** Ring values from f(m) = sum_l a_lm lambda_lm(z_r), m = 0..lmax. */
    private void synthesiseRing(double[] f, int r, double[] map) {
        int nr = rings.pixelCount(r);
        double[] buf = new double[2 * nr];
        double phi0 = rings.phi0(r);
        buf[0] += f[0]; // m = 0: the imaginary part of a_l0 does not enter a real map
        for (int m = 1; m <= lmax; m++) {
            double c = Math.cos(m * phi0);
            double s = Math.sin(m * phi0);
            double gr = f[2 * m] * c - f[2 * m + 1] * s; // f(m) e^{i m phi0}
            double gi = f[2 * m] * s + f[2 * m + 1] * c;
            int k = m % nr;
            buf[2 * k] += gr;
            buf[2 * k + 1] += gi;
            int kNeg = (nr - k) % nr; // the m' = -m term, conj(g)
            buf[2 * kNeg] += gr;
            buf[2 * kNeg + 1] -= gi;
        }
        ffts.get(nr).complexInverse(buf, false);
        int start = (int) rings.startPixel(r);
        for (int j = 0; j < nr; j++) {
            map[start + j] = buf[2 * j];
        }
    }

    private void requireNside(HealpixMap map) {
        if (map.nside() != rings.nside()) {
            throw new IllegalArgumentException(
                    "map has Nside " + map.nside() + ", transform " + rings.nside());
        }
    }
}
