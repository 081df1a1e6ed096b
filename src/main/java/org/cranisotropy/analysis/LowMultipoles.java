package org.cranisotropy.analysis;

import org.cranisotropy.harmonics.Alm;
import org.cranisotropy.harmonics.RingGeometry;
import org.cranisotropy.harmonics.RingPixelVectors;

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
 * so only the pixel's unit vector is needed, and it comes from small per-ring tables
 * ({@link RingPixelVectors}: the Monte Carlo's random pixel lookups stay in cache). The data step adds
 * its events one at a time and the Monte Carlo in blocks, through the same {@link #addBlock}. Immutable.
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
    private final RingPixelVectors vectors;

    public LowMultipoles(int nside) {
        RingGeometry rings = new RingGeometry(nside);
        this.nside = nside;
        this.pixelWeight = FOUR_PI / rings.npix();
        this.vectors = new RingPixelVectors(rings);
    }

    public int nside() {
        return nside;
    }

    /** The unit vectors of the pixel centres this analysis uses. */
    public RingPixelVectors vectors() {
        return vectors;
    }

    /**
     * corrected += weight * row and raw += row, where row = (4 pi / N_pix) conj(Y_lm(pixel)), l &lt;= 3,
     * evaluated once: {@link #addBlock} with one event.
     */
    public void addWeightedAndRaw(double[] corrected, double[] raw, int pixel, double weight) {
        double[] xyzw = new double[4];
        vectors.unitVector(pixel, xyzw, 0);
        xyzw[3] = weight;
        addBlock(corrected, raw, xyzw, 1);
    }

    /** The unit vector of a pixel centre: {x, y, z}. */
    public double[] unitVector(int pixel) {
        double[] v = new double[3];
        vectors.unitVector(pixel, v, 0);
        return v;
    }

    /**
     * Adds {@code count} events in turn, with x, y, z, weight of event j at xyzw[4j .. 4j+3]:
     * corrected += weight * row, raw += row for each, row = (4 pi / N_pix) conj(Y_lm(x, y, z)), l &lt;= 3.
     * The running sums stay in local variables over the block (the Monte Carlo's inner loop); a block
     * gives bit for bit the sums of adding its events one block of one at a time.
     */
    public void addBlock(double[] corrected, double[] raw, double[] xyzw, int count) {
        double c = pixelWeight;
        double ca00 = c * N00;
        double cn10 = c * N10;
        double cn20 = c * N20;
        double cn30 = c * N30;
        double f11 = c * N11;
        double cn21 = c * N21;
        double cn31 = c * N31;
        double f22 = c * N22;
        double cn32 = c * N32;
        double f33 = c * N33;
        // corrected sums (Re of m = 0; Re, Im of m > 0) and raw sums
        double w00 = corrected[0];
        double w10 = corrected[2];
        double w20 = corrected[4];
        double w30 = corrected[6];
        double w11r = corrected[8];
        double w11i = corrected[9];
        double w21r = corrected[10];
        double w21i = corrected[11];
        double w31r = corrected[12];
        double w31i = corrected[13];
        double w22r = corrected[14];
        double w22i = corrected[15];
        double w32r = corrected[16];
        double w32i = corrected[17];
        double w33r = corrected[18];
        double w33i = corrected[19];
        double r00 = raw[0];
        double r10 = raw[2];
        double r20 = raw[4];
        double r30 = raw[6];
        double r11r = raw[8];
        double r11i = raw[9];
        double r21r = raw[10];
        double r21i = raw[11];
        double r31r = raw[12];
        double r31i = raw[13];
        double r22r = raw[14];
        double r22i = raw[15];
        double r32r = raw[16];
        double r32i = raw[17];
        double r33r = raw[18];
        double r33i = raw[19];
        for (int j = 0, n = 4 * count; j < n; j += 4) {
            double x = xyzw[j];
            double y = xyzw[j + 1];
            double z = xyzw[j + 2];
            double weight = xyzw[j + 3];
            double re2 = x * x - y * y;
            double im2 = 2 * x * y;
            double re3 = x * re2 - y * im2;
            double im3 = x * im2 + y * re2;
            double z2 = z * z;
            double a10 = cn10 * z;
            double a20 = cn20 * (3 * z2 - 1);
            double a30 = cn30 * (5 * z2 - 3) * z;
            double f21 = cn21 * z;
            double f31 = cn31 * (5 * z2 - 1);
            double f32 = cn32 * z;
            double v11r = f11 * x;
            double v11i = -f11 * y;
            double v21r = f21 * x;
            double v21i = -f21 * y;
            double v31r = f31 * x;
            double v31i = -f31 * y;
            double v22r = f22 * re2;
            double v22i = -f22 * im2;
            double v32r = f32 * re2;
            double v32i = -f32 * im2;
            double v33r = f33 * re3;
            double v33i = -f33 * im3;
            w00 += weight * ca00;
            w10 += weight * a10;
            w20 += weight * a20;
            w30 += weight * a30;
            w11r += weight * v11r;
            w11i += weight * v11i;
            w21r += weight * v21r;
            w21i += weight * v21i;
            w31r += weight * v31r;
            w31i += weight * v31i;
            w22r += weight * v22r;
            w22i += weight * v22i;
            w32r += weight * v32r;
            w32i += weight * v32i;
            w33r += weight * v33r;
            w33i += weight * v33i;
            r00 += ca00;
            r10 += a10;
            r20 += a20;
            r30 += a30;
            r11r += v11r;
            r11i += v11i;
            r21r += v21r;
            r21i += v21i;
            r31r += v31r;
            r31i += v31i;
            r22r += v22r;
            r22i += v22i;
            r32r += v32r;
            r32i += v32i;
            r33r += v33r;
            r33i += v33i;
        }
        double[] w = {w00, 0, w10, 0, w20, 0, w30, 0, w11r, w11i, w21r, w21i, w31r, w31i, w22r, w22i, w32r, w32i,
            w33r, w33i};
        double[] r = {r00, 0, r10, 0, r20, 0, r30, 0, r11r, r11i, r21r, r21i, r31r, r31i, r22r, r22i, r32r, r32i,
            r33r, r33i};
        for (int k = 0; k < w.length; k++) {
            if (k < 8 && (k & 1) == 1) {
                continue; // Im of m = 0 stays what it was (every term is 0)
            }
            corrected[k] = w[k];
            raw[k] = r[k];
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
