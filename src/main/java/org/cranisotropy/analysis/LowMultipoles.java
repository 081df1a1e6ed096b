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
     * A chunk of events' rows is computed first ({@link #rows}), then added to the running sums, which
     * stay in registers over the chunk: on SIMD lanes ({@link SimdSums}) when the JVM has the
     * jdk.incubator.vector module, else one double at a time. Every sum gets the same terms in the same
     * order either way (lane-wise IEEE multiply and add, no fused multiply-add), so the sums are bit for
     * bit those of adding the events one at a time; the Monte Carlo's inner loop.
     */
    public void addBlock(double[] corrected, double[] raw, double[] xyzw, int count) {
        double[] rows = ROWS.get();
        for (int from = 0; from < count; from += CHUNK) {
            int n = Math.min(CHUNK, count - from);
            rows(xyzw, 4 * from, n, rows);
            if (SIMD && n >= 4) {
                SimdSums.add(corrected, raw, rows, xyzw, 4 * from, n);
            } else {
                addScalar(corrected, raw, rows, xyzw, 4 * from, n);
            }
        }
    }

    /** Non-zero terms of a row: Re of m = 0 for l = 0..3, then Re, Im of (l, m) = (1,1) (2,1) (3,1) (2,2) (3,2) (3,3). */
    static final int ROW = 16;
    /** The accumulator slot (Alm order, Re and Im interleaved) of each row term; Im of m = 0 is never written. */
    static final int[] SLOT = {0, 2, 4, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};

    /** Events per chunk of {@link #addBlock}: their rows (8 KB) stay in the L1 cache. */
    private static final int CHUNK = 64;
    private static final ThreadLocal<double[]> ROWS = ThreadLocal.withInitial(() -> new double[ROW * CHUNK]);

    /** Whether the block sums run on SIMD lanes: see {@link SimdSums#usable()}. */
    private static final boolean SIMD = SimdSums.usable();

    /** Whether {@link #addBlock} adds on SIMD lanes in this JVM (the results are the same either way). */
    public static boolean simdSums() {
        return SIMD;
    }

    /** The rows of events xyzw[at ..] (n events): term k of event j at rows[ROW j + k]. */
    private void rows(double[] xyzw, int at, int n, double[] rows) {
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
        for (int j = 0; j < n; j++) {
            int e = at + 4 * j;
            double x = xyzw[e];
            double y = xyzw[e + 1];
            double z = xyzw[e + 2];
            double re2 = x * x - y * y;
            double im2 = 2 * x * y;
            double re3 = x * re2 - y * im2;
            double im3 = x * im2 + y * re2;
            double z2 = z * z;
            double f21 = cn21 * z;
            double f31 = cn31 * (5 * z2 - 1);
            double f32 = cn32 * z;
            int o = ROW * j;
            rows[o] = ca00;
            rows[o + 1] = cn10 * z;
            rows[o + 2] = cn20 * (3 * z2 - 1);
            rows[o + 3] = cn30 * (5 * z2 - 3) * z;
            rows[o + 4] = f11 * x;
            rows[o + 5] = -f11 * y;
            rows[o + 6] = f21 * x;
            rows[o + 7] = -f21 * y;
            rows[o + 8] = f31 * x;
            rows[o + 9] = -f31 * y;
            rows[o + 10] = f22 * re2;
            rows[o + 11] = -f22 * im2;
            rows[o + 12] = f32 * re2;
            rows[o + 13] = -f32 * im2;
            rows[o + 14] = f33 * re3;
            rows[o + 15] = -f33 * im3;
        }
    }

    /** corrected += weight * row, raw += row for n events, one double at a time. */
    private static void addScalar(double[] corrected, double[] raw, double[] rows, double[] xyzw, int at, int n) {
        for (int k = 0; k < ROW; k++) {
            int slot = SLOT[k];
            double w = corrected[slot];
            double r = raw[slot];
            for (int j = 0; j < n; j++) {
                double term = rows[ROW * j + k];
                w += xyzw[at + 4 * j + 3] * term;
                r += term;
            }
            corrected[slot] = w;
            raw[slot] = r;
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
