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
 * <p>The orthonormal Y_lm (Condon-Shortley phase) factor into a function of the pixel's ring and one of
 * its phi, Y_lm = lambda_lm(theta) e^{i m phi}; for l &lt;= 3, with z = cos(theta) and s = sin(theta):
 * <pre>
 *   lambda00 = 1/sqrt(4 pi)             lambda10 = sqrt(3/4pi) z         lambda11 = -sqrt(3/8pi) s
 *   lambda20 = sqrt(5/16pi) (3z^2-1)    lambda21 = -sqrt(15/8pi) z s     lambda22 = sqrt(15/32pi) s^2
 *   lambda30 = sqrt(7/16pi) (5z^3-3z)   lambda31 = -sqrt(21/64pi) (5z^2-1) s
 *   lambda32 = sqrt(105/32pi) z s^2     lambda33 = -sqrt(35/64pi) s^3
 * </pre>
 * HEALPix pixel centres lie on 4 Nside - 1 rings, so the ten (4 pi / N_pix) lambda_lm of each ring are a
 * table computed once; an event then needs only its ring and cos(phi), sin(phi) (from the small tables
 * of {@link RingPixelVectors}), and cos(m phi), sin(m phi) for m = 2, 3 by the angle-addition formulas.
 * The data step adds its events one at a time and the Monte Carlo in blocks, through the same
 * {@link #addBlock}. Immutable.
 */
public final class LowMultipoles {
    /** The multipoles of the analysis: monopole to octupole. */
    public static final int LMAX = 3;
    /** Doubles per accumulator: Re and Im of the 10 coefficients in Alm order (m-major). */
    public static final int STRIDE = 2 * Alm.size(LMAX);
    /** Per-ring factors: lambda_l0 for l = 0..3, lambda_l1 for l = 1..3, lambda_22, lambda_32, lambda_33. */
    private static final int FACTORS = 10;

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
    private final RingPixelVectors vectors;
    /** (4 pi / N_pix) lambda_lm(theta_r) of ring r at [FACTORS r ..], in the order of {@link #FACTORS}. */
    private final double[] ringFactors;

    public LowMultipoles(int nside) {
        RingGeometry rings = new RingGeometry(nside);
        this.nside = nside;
        this.vectors = new RingPixelVectors(rings);
        double c = FOUR_PI / rings.npix();
        this.ringFactors = new double[FACTORS * vectors.rings()];
        for (int r = 0; r < vectors.rings(); r++) {
            double z = vectors.z(r);
            double s = vectors.sinTheta(r);
            double z2 = z * z;
            double[] f = {
                c * N00, c * N10 * z, c * N20 * (3 * z2 - 1), c * N30 * (5 * z2 - 3) * z,
                c * N11 * s, c * N21 * z * s, c * N31 * (5 * z2 - 1) * s,
                c * N22 * s * s, c * N32 * z * s * s, c * N33 * s * s * s};
            System.arraycopy(f, 0, ringFactors, FACTORS * r, FACTORS);
        }
    }

    public int nside() {
        return nside;
    }

    /** The pixel centres this analysis uses, by ring. */
    public RingPixelVectors vectors() {
        return vectors;
    }

    /**
     * corrected += weight * row and raw += row, where row = (4 pi / N_pix) conj(Y_lm(pixel)), l &lt;= 3:
     * {@link #addBlock} with one event.
     */
    public void addWeightedAndRaw(double[] corrected, double[] raw, int pixel, double weight) {
        int[] ring = new int[1];
        double[] cos = new double[1];
        double[] sin = new double[1];
        vectors.decode(new int[] {vectors.code(pixel)}, 1, new int[1], ring, cos, sin);
        addBlock(corrected, raw, ring, cos, sin, new double[] {weight}, 1);
    }

    /** The unit vector of a pixel centre: {x, y, z}. */
    public double[] unitVector(int pixel) {
        double[] v = new double[3];
        vectors.unitVector(pixel, v, 0);
        return v;
    }

    /**
     * Adds {@code count} events in turn, event j in ring rings[j] at cos(phi) = cosPhi[j], sin(phi) =
     * sinPhi[j] with weight weights[j]: corrected += weight * row, raw += row for each, row = (4 pi /
     * N_pix) conj(Y_lm), l &lt;= 3. The running sums stay in local variables over the block (the Monte
     * Carlo's inner loop); a block gives bit for bit the sums of adding its events one at a time.
     */
    public void addBlock(double[] corrected, double[] raw, int[] rings, double[] cosPhi, double[] sinPhi,
            double[] weights, int count) {
        double[] f = ringFactors;
        // corrected sums (Re of m = 0; Re, Im of m > 0) and raw sums
        double w00 = corrected[0];
        double w10 = corrected[2];
        double w20 = corrected[4];
        double w30 = corrected[6];
        double w11r = corrected[8];
        double w11i = -corrected[9];
        double w21r = corrected[10];
        double w21i = -corrected[11];
        double w31r = corrected[12];
        double w31i = -corrected[13];
        double w22r = corrected[14];
        double w22i = -corrected[15];
        double w32r = corrected[16];
        double w32i = -corrected[17];
        double w33r = corrected[18];
        double w33i = -corrected[19];
        double r00 = raw[0];
        double r10 = raw[2];
        double r20 = raw[4];
        double r30 = raw[6];
        double r11r = raw[8];
        double r11i = -raw[9];
        double r21r = raw[10];
        double r21i = -raw[11];
        double r31r = raw[12];
        double r31i = -raw[13];
        double r22r = raw[14];
        double r22i = -raw[15];
        double r32r = raw[16];
        double r32i = -raw[17];
        double r33r = raw[18];
        double r33i = -raw[19];
        for (int j = 0; j < count; j++) {
            double weight = weights[j];
            double c1 = cosPhi[j];
            double s1 = sinPhi[j];
            int k = FACTORS * rings[j];
            // cos and sin of 2 phi and 3 phi
            double c2 = c1 * c1 - s1 * s1;
            double s2 = 2 * c1 * s1;
            double c3 = c1 * c2 - s1 * s2;
            double s3 = s1 * c2 + c1 * s2;
            double a00 = f[k];
            double a10 = f[k + 1];
            double a20 = f[k + 2];
            double a30 = f[k + 3];
            double l11 = f[k + 4];
            double l21 = f[k + 5];
            double l31 = f[k + 6];
            double l22 = f[k + 7];
            double l32 = f[k + 8];
            double l33 = f[k + 9];
            // conj(Y_lm) = lambda_lm (cos m phi - i sin m phi): the Im sums run over +lambda_lm sin m phi and
            // change sign on the way in and out (exactly); the weighted sums are fused multiply-adds
            double v11r = l11 * c1;
            double v11i = l11 * s1;
            double v21r = l21 * c1;
            double v21i = l21 * s1;
            double v31r = l31 * c1;
            double v31i = l31 * s1;
            double v22r = l22 * c2;
            double v22i = l22 * s2;
            double v32r = l32 * c2;
            double v32i = l32 * s2;
            double v33r = l33 * c3;
            double v33i = l33 * s3;
            w00 = Math.fma(weight, a00, w00);
            w10 = Math.fma(weight, a10, w10);
            w20 = Math.fma(weight, a20, w20);
            w30 = Math.fma(weight, a30, w30);
            w11r = Math.fma(weight, v11r, w11r);
            w11i = Math.fma(weight, v11i, w11i);
            w21r = Math.fma(weight, v21r, w21r);
            w21i = Math.fma(weight, v21i, w21i);
            w31r = Math.fma(weight, v31r, w31r);
            w31i = Math.fma(weight, v31i, w31i);
            w22r = Math.fma(weight, v22r, w22r);
            w22i = Math.fma(weight, v22i, w22i);
            w32r = Math.fma(weight, v32r, w32r);
            w32i = Math.fma(weight, v32i, w32i);
            w33r = Math.fma(weight, v33r, w33r);
            w33i = Math.fma(weight, v33i, w33i);
            r00 += a00;
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
        // written back one by one (copying through temporary arrays made this method ~25 % slower);
        // Im of m = 0 stays what it was (every term is 0)
        corrected[0] = w00;
        corrected[2] = w10;
        corrected[4] = w20;
        corrected[6] = w30;
        corrected[8] = w11r;
        corrected[9] = -w11i;
        corrected[10] = w21r;
        corrected[11] = -w21i;
        corrected[12] = w31r;
        corrected[13] = -w31i;
        corrected[14] = w22r;
        corrected[15] = -w22i;
        corrected[16] = w32r;
        corrected[17] = -w32i;
        corrected[18] = w33r;
        corrected[19] = -w33i;
        raw[0] = r00;
        raw[2] = r10;
        raw[4] = r20;
        raw[6] = r30;
        raw[8] = r11r;
        raw[9] = -r11i;
        raw[10] = r21r;
        raw[11] = -r21i;
        raw[12] = r31r;
        raw[13] = -r31i;
        raw[14] = r22r;
        raw[15] = -r22i;
        raw[16] = r32r;
        raw[17] = -r32i;
        raw[18] = r33r;
        raw[19] = -r33i;
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
