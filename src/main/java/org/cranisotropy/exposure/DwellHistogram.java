package org.cranisotropy.exposure;

import healpix.essentials.HealpixBase;
import healpix.essentials.Scheme;
import healpix.essentials.Vec3;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Stage (a) of the exposure projection: live time accumulated over cells (zenith pixel, flight
 * azimuth bin). The zenith pixel is the RING pixel (galactic frame, Nside_d) that contains the
 * detector axis; the flight azimuth beta is the angle of the flight direction in the tangent plane
 * at that pixel's centre, from local galactic north towards east, folded modulo 90 deg (the
 * acceptance has a 4-fold azimuthal symmetry, {@link DetectorAcceptance}) into B equal bins.
 *
 * <p>Live time is stored as integers in microseconds (each step contributes
 * round(dt * live fraction * 1e6)), so merging histograms is exact integer addition: the result is
 * bit-identical however the steps are split and in whatever order the parts are merged. Sparse:
 * only non-empty cells, sorted by cell index = pixel * B + bin. Immutable.
 */
public final class DwellHistogram implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Live-time unit: 1 microsecond. */
    public static final double SECONDS_PER_UNIT = 1e-6;

    private final int nside;
    private final int azimuthBins;
    private final int[] cells;
    private final long[] live;
    private final long steps;

    private DwellHistogram(int nside, int azimuthBins, int[] cells, long[] live, long steps) {
        this.nside = nside;
        this.azimuthBins = azimuthBins;
        this.cells = cells;
        this.live = live;
        this.steps = steps;
    }

    public static DwellHistogram empty(int nside, int azimuthBins) {
        return new DwellHistogram(nside, azimuthBins, new int[0], new long[0], 0);
    }

    /**
     * Accumulates steps [fromStep, toStep) of a period: at each step's midpoint the orbit gives the
     * zenith and flight directions and the sub-satellite point; the step's live time goes to the cell
     * of the zenith pixel and flight azimuth.
     */
    public static DwellHistogram accumulate(IssOrbit orbit, LiveTimeModel liveTime, ObservationPeriod period,
            int nside, int azimuthBins, long fromStep, long toStep) {
        check(nside, azimuthBins);
        if (fromStep < 0 || toStep > period.steps() || fromStep > toStep) {
            throw new IllegalArgumentException("step range [" + fromStep + ", " + toStep + ") outside [0, "
                    + period.steps() + ")");
        }
        HealpixBase grid = ringBase(nside);
        int n = Math.toIntExact(toStep - fromStep);
        long[] packed = new long[n]; // cell << 32 | live units of the step; sorted, then run-length summed
        int used = 0;
        double dt = period.stepSeconds();
        for (long k = fromStep; k < toStep; k++) {
            IssOrbit.State s = orbit.state(period.stepMidpoint(k, orbit.epoch()));
            long units = Math.round(dt * liveTime.liveFraction(s.latitudeDeg(), s.longitudeDeg()) / SECONDS_PER_UNIT);
            if (units == 0) {
                continue;
            }
            double[] z = s.zenithGalactic();
            double[] f = s.flightGalactic();
            long pix = vec2pix(grid, z);
            double[][] basis = localBasis(pix2vec(grid, pix));
            double beta = Math.atan2(dot(f, basis[1]), dot(f, basis[0]));
            int bin = azimuthBin(beta, azimuthBins);
            long cell = pix * azimuthBins + bin;
            if (units >= (1L << 32)) {
                throw new IllegalArgumentException("time step too long for the dwell histogram (max 4294 s): " + dt + " s");
            }
            packed[used++] = (cell << 32) | units;
        }
        Arrays.sort(packed, 0, used);
        int[] c = new int[used];
        long[] l = new long[used];
        int m = -1;
        for (int i = 0; i < used; i++) {
            int cell = (int) (packed[i] >>> 32);
            long units = packed[i] & 0xFFFF_FFFFL;
            if (m >= 0 && c[m] == cell) {
                l[m] += units;
            } else {
                m++;
                c[m] = cell;
                l[m] = units;
            }
        }
        return new DwellHistogram(nside, azimuthBins, Arrays.copyOf(c, m + 1), Arrays.copyOf(l, m + 1), n);
    }

    /** The sum of two histograms of the same grid (exact). */
    public DwellHistogram plus(DwellHistogram o) {
        if (o.nside != nside || o.azimuthBins != azimuthBins) {
            throw new IllegalArgumentException("cannot add dwell histograms of different grids");
        }
        int[] c = new int[cells.length + o.cells.length];
        long[] l = new long[c.length];
        int i = 0;
        int j = 0;
        int m = 0;
        while (i < cells.length || j < o.cells.length) {
            if (j >= o.cells.length || (i < cells.length && cells[i] < o.cells[j])) {
                c[m] = cells[i];
                l[m++] = live[i++];
            } else if (i >= cells.length || o.cells[j] < cells[i]) {
                c[m] = o.cells[j];
                l[m++] = o.live[j++];
            } else {
                c[m] = cells[i];
                l[m++] = live[i++] + o.live[j++];
            }
        }
        return new DwellHistogram(nside, azimuthBins, Arrays.copyOf(c, m), Arrays.copyOf(l, m), steps + o.steps);
    }

    public int nside() {
        return nside;
    }

    public int azimuthBins() {
        return azimuthBins;
    }

    /** Number of time steps accumulated (live or not). */
    public long steps() {
        return steps;
    }

    public int nonEmptyCells() {
        return cells.length;
    }

    /** Total live time (s). */
    public double liveSeconds() {
        long sum = 0;
        for (long v : live) {
            sum += v;
        }
        return sum * SECONDS_PER_UNIT;
    }

    /** Live time (s) of a cell, 0 when empty. */
    public double liveSeconds(int zenithPixel, int azimuthBin) {
        int i = Arrays.binarySearch(cells, zenithPixel * azimuthBins + azimuthBin);
        return i >= 0 ? live[i] * SECONDS_PER_UNIT : 0.0;
    }

    /**
     * Per non-empty zenith pixel, the live time and its first 4-fold azimuthal moments over the bin
     * centres beta_b = (b + 1/2) 90 deg / B: T = sum_b d_b, C = sum_b d_b cos(4 beta_b),
     * S = sum_b d_b sin(4 beta_b) (s). Computed from the exact integers in cell order (deterministic).
     */
    public ZenithMoments zenithMoments() {
        int np = 0;
        for (int i = 0; i < cells.length; i++) {
            if (i == 0 || cells[i] / azimuthBins != cells[i - 1] / azimuthBins) {
                np++;
            }
        }
        int[] pix = new int[np];
        double[] t = new double[np];
        double[] c = new double[np];
        double[] s = new double[np];
        int m = -1;
        for (int i = 0; i < cells.length; i++) {
            int p = cells[i] / azimuthBins;
            int b = cells[i] % azimuthBins;
            if (m < 0 || pix[m] != p) {
                m++;
                pix[m] = p;
            }
            double d = live[i] * SECONDS_PER_UNIT;
            double fourBeta = 4 * (b + 0.5) * (Math.PI / 2) / azimuthBins;
            t[m] += d;
            c[m] += d * Math.cos(fourBeta);
            s[m] += d * Math.sin(fourBeta);
        }
        return new ZenithMoments(nside, pix, t, c, s);
    }

    /** Live time T and 4-fold moments C, S (s) per non-empty zenith pixel (RING, galactic, Nside_d). */
    public record ZenithMoments(int nside, int[] pixels, double[] total, double[] cos4, double[] sin4)
            implements Serializable {
        public int size() {
            return pixels.length;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DwellHistogram h && h.nside == nside && h.azimuthBins == azimuthBins && h.steps == steps
                && Arrays.equals(h.cells, cells) && Arrays.equals(h.live, live);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cells) * 31 + Arrays.hashCode(live);
    }

    // ---- geometry shared with the projection ----

    static void check(int nside, int azimuthBins) {
        if (nside < 1 || Integer.bitCount(nside) != 1 || nside > 1024) {
            throw new IllegalArgumentException("dwell Nside must be a power of two in [1, 1024], got " + nside);
        }
        if (azimuthBins < 1 || azimuthBins > 360) {
            throw new IllegalArgumentException("flight-azimuth bins must be in [1, 360], got " + azimuthBins);
        }
    }

    /** Bin of an azimuth folded modulo pi/2. */
    static int azimuthBin(double beta, int bins) {
        double q = Math.PI / 2;
        double folded = beta - q * Math.floor(beta / q);
        int b = (int) (folded / q * bins);
        return Math.min(bins - 1, Math.max(0, b));
    }

    /**
     * {north, east} unit vectors of the tangent plane at unit vector n: north = the direction of
     * increasing latitude, east = z x n normalised. At the poles (never a HEALPix pixel centre) north
     * is taken along -x / +x.
     */
    static double[][] localBasis(double[] n) {
        double rho = Math.hypot(n[0], n[1]);
        if (rho < 1e-12) {
            return new double[][] {{-Math.signum(n[2]), 0, 0}, {0, 1, 0}};
        }
        double[] east = {-n[1] / rho, n[0] / rho, 0};
        double[] north = {-n[2] * n[0] / rho, -n[2] * n[1] / rho, rho};
        return new double[][] {north, east};
    }

    static HealpixBase ringBase(int nside) {
        try {
            return new HealpixBase(nside, Scheme.RING);
        } catch (Exception e) {
            throw new IllegalArgumentException("healpix-java rejects Nside " + nside + ": " + e.getMessage(), e);
        }
    }

    static long vec2pix(HealpixBase grid, double[] v) {
        try {
            return grid.vec2pix(new Vec3(v[0], v[1], v[2]));
        } catch (Exception e) {
            throw new IllegalStateException("vec2pix: " + e.getMessage(), e);
        }
    }

    static double[] pix2vec(HealpixBase grid, long pix) {
        try {
            Vec3 v = grid.pix2vec(pix);
            return new double[] {v.x, v.y, v.z};
        } catch (Exception e) {
            throw new IllegalStateException("pix2vec: " + e.getMessage(), e);
        }
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
