package org.cranisotropy.analysis;

import org.cranisotropy.harmonics.Alm;
import org.cranisotropy.harmonics.RingGeometry;

/**
 * The contribution of one event to a_lm, l &lt;= 3: an event of weight w in pixel p adds
 * w (4 pi / N_pix) conj(Y_lm(n_p)) (method.md section 3: a_lm is linear in the map, so threshold scans
 * and Monte Carlo samples accumulate events instead of rebuilding maps). Summed over all events this
 * is exactly the pixel-centre quadrature of {@code DirectHarmonicSum} / healpy iter 0.
 *
 * <p>For l &lt;= 3 the orthonormal Y_lm (Condon-Shortley phase) are polynomials in the unit vector
 * n = (x, y, z) of the pixel centre, with s^m e^{i m phi} = (x + i y)^m:
 * <pre>
 *   Y00 = 1/sqrt(4 pi)                 Y10 = sqrt(3/4pi) z            Y11 = -sqrt(3/8pi) (x+iy)
 *   Y20 = sqrt(5/16pi) (3z^2-1)        Y21 = -sqrt(15/8pi) z (x+iy)   Y22 = sqrt(15/32pi) (x+iy)^2
 *   Y30 = sqrt(7/16pi) (5z^3-3z)       Y31 = -sqrt(21/64pi) (5z^2-1) (x+iy)
 *   Y32 = sqrt(105/32pi) z (x+iy)^2    Y33 = -sqrt(35/64pi) (x+iy)^3
 * </pre>
 * so only the pixel's unit vector is stored (24 bytes a pixel instead of a 160-byte row of Y_lm:
 * the Monte Carlo's random pixel lookups stay in cache). Immutable.
 */
public final class LowMultipoles {
    /** The multipoles of the analysis: monopole to octupole. */
    public static final int LMAX = 3;
    /** Doubles per accumulator: Re and Im of the 10 coefficients in Alm order (m-major). */
    public static final int STRIDE = 2 * Alm.size(LMAX);

    private static final double FOUR_PI = 4.0 * Math.PI;
    private static final double N00 = Math.sqrt(1 / FOUR_PI);
    private static final double N10 = Math.sqrt(3 / FOUR_PI);
    private static final double N11 = -Math.sqrt(3 / (8 * Math.PI));
    private static final double N20 = Math.sqrt(5 / (16 * Math.PI));
    private static final double N21 = -Math.sqrt(15 / (8 * Math.PI));
    private static final double N22 = Math.sqrt(15 / (32 * Math.PI));
    private static final double N30 = Math.sqrt(7 / (16 * Math.PI));
    private static final double N31 = -Math.sqrt(21 / (64 * Math.PI));
    private static final double N32 = Math.sqrt(105 / (32 * Math.PI));
    private static final double N33 = -Math.sqrt(35 / (64 * Math.PI));

    private final int nside;
    private final double pixelWeight;
    private final double[] xyz;

    public LowMultipoles(int nside) {
        RingGeometry rings = new RingGeometry(nside);
        this.nside = nside;
        this.pixelWeight = FOUR_PI / rings.npix();
        this.xyz = new double[3 * (int) rings.npix()];
        for (int r = 0; r < rings.ringCount(); r++) {
            int nr = rings.pixelCount(r);
            double s = rings.sinTheta(r);
            for (int j = 0; j < nr; j++) {
                int p = (int) rings.startPixel(r) + j;
                double phi = rings.phi0(r) + 2.0 * Math.PI * j / nr;
                xyz[3 * p] = s * Math.cos(phi);
                xyz[3 * p + 1] = s * Math.sin(phi);
                xyz[3 * p + 2] = rings.z(r);
            }
        }
    }

    public int nside() {
        return nside;
    }

    /**
     * corrected += weight * row and, unless raw is null, raw += row, where row =
     * (4 pi / N_pix) conj(Y_lm(pixel)), l &lt;= 3, evaluated once.
     */
    public void addWeightedAndRaw(double[] corrected, double[] raw, int pixel, double weight) {
        double x = xyz[3 * pixel];
        double y = xyz[3 * pixel + 1];
        double z = xyz[3 * pixel + 2];
        double c = pixelWeight;
        // conj((x + i y)^m) = re_m - i im_m
        double re2 = x * x - y * y;
        double im2 = 2 * x * y;
        double re3 = x * re2 - y * im2;
        double im3 = x * im2 + y * re2;
        double z2 = z * z;
        // Alm order: m = 0: l = 0..3; m = 1: l = 1..3; m = 2: l = 2, 3; m = 3: l = 3 (Re, Im pairs)
        double a00 = c * N00;
        double a10 = c * N10 * z;
        double a20 = c * N20 * (3 * z2 - 1);
        double a30 = c * N30 * (5 * z2 - 3) * z;
        double f11 = c * N11;
        double f21 = c * N21 * z;
        double f31 = c * N31 * (5 * z2 - 1);
        double f22 = c * N22;
        double f32 = c * N32 * z;
        double f33 = c * N33;
        add(corrected, raw, weight, 0, a00, 0);
        add(corrected, raw, weight, 1, a10, 0);
        add(corrected, raw, weight, 2, a20, 0);
        add(corrected, raw, weight, 3, a30, 0);
        add(corrected, raw, weight, 4, f11 * x, -f11 * y);
        add(corrected, raw, weight, 5, f21 * x, -f21 * y);
        add(corrected, raw, weight, 6, f31 * x, -f31 * y);
        add(corrected, raw, weight, 7, f22 * re2, -f22 * im2);
        add(corrected, raw, weight, 8, f32 * re2, -f32 * im2);
        add(corrected, raw, weight, 9, f33 * re3, -f33 * im3);
    }

    private static void add(double[] corrected, double[] raw, double weight, int k, double re, double im) {
        corrected[2 * k] += weight * re;
        corrected[2 * k + 1] += weight * im;
        if (raw != null) {
            raw[2 * k] += re;
            raw[2 * k + 1] += im;
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
