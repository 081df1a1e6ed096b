package org.cranisotropy.harmonics;

/**
 * Orthonormal associated Legendre functions lambda_lm(x) = sqrt((2l+1)/(4 pi) (l-m)!/(l+m)!) P_lm(x),
 * with the Condon-Shortley phase (-1)^m included in P_lm, so that
 * Y_lm(theta, phi) = lambda_lm(cos theta) e^{i m phi} (the convention of HEALPix and healpy).
 *
 * <p>Computed by the standard stable recurrences (e.g. Gorski et al. 2005, section 4; Reinecke &amp;
 * Seljebotn 2013, libsharp):
 * <pre>
 *   lambda_mm     = (-1)^m sqrt((2m+1)/(4 pi) * (2m-1)!!/(2m)!!) sin^m theta
 *   lambda_m+1,m  = sqrt(2m+3) x lambda_mm
 *   lambda_lm     = a_lm (x lambda_l-1,m - lambda_l-2,m / a_l-1,m),  a_lm = sqrt((4l^2-1)/(l^2-m^2))
 * </pre>
 * Near the poles sin^m theta underflows double precision (already at Nside 64, lmax 191), so the
 * start value is kept as mantissa times 2^(-{@value #SCALE_BITS} k) and the recurrence rescales
 * as it grows; values still scaled when they are used are below 2^-112 and taken as zero.
 * The instance holds the recurrence coefficients for one lmax and is immutable and thread-safe.
 */
public final class AssociatedLegendre {
    static final int SCALE_BITS = 512;
    private static final double SCALE = Math.scalb(1.0, SCALE_BITS);
    private static final double INV_SCALE = Math.scalb(1.0, -SCALE_BITS);
    /** Scale the diagonal up once it falls below this. */
    private static final double SHRINK_LIMIT = Math.scalb(1.0, -400);
    /** Rescale a scaled recurrence once its value exceeds this. */
    private static final double GROW_LIMIT = Math.scalb(1.0, 400);

    private final int lmax;
    /** a_lm in Alm order. */
    private final double[] a;
    /** sqrt((2m+1)/(2m)), the factor between lambda_mm and lambda_m-1,m-1 (m &gt;= 1). */
    private final double[] diagonalFactor;

    public AssociatedLegendre(int lmax) {
        if (lmax < 0) {
            throw new IllegalArgumentException("lmax must be >= 0, got " + lmax);
        }
        this.lmax = lmax;
        this.a = new double[Alm.size(lmax)];
        for (int m = 0; m <= lmax; m++) {
            for (int l = m + 1; l <= lmax; l++) {
                double l2 = (double) l * l;
                a[Alm.index(lmax, l, m)] = Math.sqrt((4.0 * l2 - 1.0) / (l2 - (double) m * m));
            }
        }
        this.diagonalFactor = new double[lmax + 1];
        for (int m = 1; m <= lmax; m++) {
            diagonalFactor[m] = Math.sqrt((2.0 * m + 1.0) / (2.0 * m));
        }
    }

    public int lmax() {
        return lmax;
    }

    /**
     * The diagonal values lambda_mm(theta), m = 0..lmax, as mantissa[m] * 2^(-SCALE_BITS scale[m]).
     */
    public void diagonal(double sinTheta, double[] mantissa, int[] scale) {
        double v = 1.0 / Math.sqrt(4.0 * Math.PI);
        int k = 0;
        mantissa[0] = v;
        scale[0] = 0;
        for (int m = 1; m <= lmax; m++) {
            v *= -diagonalFactor[m] * sinTheta;
            if (v != 0.0 && Math.abs(v) < SHRINK_LIMIT) {
                v *= SCALE;
                k++;
            }
            mantissa[m] = v;
            scale[m] = k;
        }
    }

    /**
     * Fills out[l] = lambda_lm(x) for m &lt;= l &lt;= lmax (entries below m are left alone), from the
     * diagonal value lambda_mm = mantissa * 2^(-SCALE_BITS scale) of {@link #diagonal}.
     *
     * @param x cos theta
     */
    public void column(int m, double x, double mantissa, int scale, double[] out) {
        double p2 = 0.0; // lambda_{l-2,m} (scaled)
        double p1 = mantissa; // lambda_{l-1,m} (scaled)
        out[m] = scale == 0 ? p1 : 0.0;
        int base = Alm.index(lmax, 0, m);
        double aPrevInv = 0.0; // 1 / a_{l-1,m}; the l = m + 1 step has no lambda_{m-1,m}
        for (int l = m + 1; l <= lmax; l++) {
            double al = a[base + l];
            double p = al * (x * p1 - p2 * aPrevInv);
            p2 = p1;
            p1 = p;
            aPrevInv = 1.0 / al;
            if (scale > 0 && Math.abs(p1) > GROW_LIMIT) {
                p1 *= INV_SCALE;
                p2 *= INV_SCALE;
                scale--;
            }
            out[l] = scale == 0 ? p1 : 0.0;
        }
    }

    /** lambda_lm(x) for m &lt;= l &lt;= lmax into out[l], for one point (convenience path). */
    public void column(int m, double x, double sinTheta, double[] out) {
        double[] mantissa = new double[lmax + 1];
        int[] scale = new int[lmax + 1];
        diagonal(sinTheta, mantissa, scale);
        column(m, x, mantissa[m], scale[m], out);
    }
}
