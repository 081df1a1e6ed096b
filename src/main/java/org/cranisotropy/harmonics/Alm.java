package org.cranisotropy.harmonics;

import java.util.Arrays;

/**
 * Spherical-harmonic coefficients a_lm of a real field for 0 &lt;= m &lt;= l &lt;= lmax (the
 * coefficients with m &lt; 0 follow from a_l,-m = (-1)^m conj(a_lm)). Stored in healpy's order,
 * m-major: index(l, m) = m (2 lmax + 1 - m) / 2 + l. Immutable.
 */
public final class Alm {
    private final int lmax;
    private final double[] re;
    private final double[] im;

    Alm(int lmax, double[] re, double[] im) {
        if (lmax < 0 || re.length != size(lmax) || im.length != size(lmax)) {
            throw new IllegalArgumentException("a_lm arrays do not match lmax " + lmax);
        }
        this.lmax = lmax;
        this.re = re;
        this.im = im;
    }

    /** a_lm from real and imaginary parts in healpy order; the arrays are copied. */
    public static Alm of(int lmax, double[] re, double[] im) {
        return new Alm(lmax, re.clone(), im.clone());
    }

    /** Number of coefficients with 0 &lt;= m &lt;= l &lt;= lmax. */
    public static int size(int lmax) {
        return (lmax + 1) * (lmax + 2) / 2;
    }

    /** healpy's Alm.getidx(lmax, l, m). */
    public static int index(int lmax, int l, int m) {
        return m * (2 * lmax + 1 - m) / 2 + l;
    }

    public int lmax() {
        return lmax;
    }

    public double re(int l, int m) {
        return re[index(lmax, l, m)];
    }

    public double im(int l, int m) {
        return im[index(lmax, l, m)];
    }

    /** Real parts in healpy order (copy). */
    public double[] realParts() {
        return re.clone();
    }

    /** Imaginary parts in healpy order (copy). */
    public double[] imaginaryParts() {
        return im.clone();
    }

    /** this + other, element by element. */
    public Alm plus(Alm other) {
        requireSameLmax(other);
        double[] r = re.clone();
        double[] i = im.clone();
        for (int k = 0; k < r.length; k++) {
            r[k] += other.re[k];
            i[k] += other.im[k];
        }
        return new Alm(lmax, r, i);
    }

    /** The angular power spectrum C_l = (|a_l0|^2 + 2 sum_{m&gt;0} |a_lm|^2) / (2l + 1). */
    public PowerSpectrum powerSpectrum() {
        double[] cl = new double[lmax + 1];
        for (int m = 0; m <= lmax; m++) {
            double factor = m == 0 ? 1.0 : 2.0;
            for (int l = m; l <= lmax; l++) {
                int k = index(lmax, l, m);
                cl[l] += factor * (re[k] * re[k] + im[k] * im[k]);
            }
        }
        for (int l = 0; l <= lmax; l++) {
            cl[l] /= 2 * l + 1;
        }
        return new PowerSpectrum(cl);
    }

    private void requireSameLmax(Alm other) {
        if (other.lmax != lmax) {
            throw new IllegalArgumentException("lmax differ: " + lmax + " and " + other.lmax);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alm a && a.lmax == lmax && Arrays.equals(a.re, re) && Arrays.equals(a.im, im);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * lmax + Arrays.hashCode(re)) + Arrays.hashCode(im);
    }
}
