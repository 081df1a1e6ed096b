package org.cranisotropy.association;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.cranisotropy.analysis.LowMultipoles;
import org.cranisotropy.analysis.PreparedSample;
import org.cranisotropy.montecarlo.IsotropicSampler;
import org.cranisotropy.montecarlo.ScanPlan;
import org.cranisotropy.random.RandomStreams;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.Ordering;

/**
 * Isotropic skies of the association test's events: every event keeps its energy and class and gets a
 * new direction drawn with probability proportional to its class's exposure at its energy, by the
 * analysis' own Monte Carlo ({@link IsotropicSampler}: alias tables, exact log-E mixture; sky s uses
 * random stream (seed, s)). The sampler draws a HEALPix pixel; the direction inside it is then placed
 * by a {@link Placement}:
 *
 * <ul>
 *   <li>{@link Placement#UNIFORM} (default): uniformly within the pixel, as the piecewise-constant exposure
 *   map means. HEALPix pixels are equal-area and nest: a pixel at Nside N holds 4^k equal-area pixels at
 *   Nside N 2^k, so the direction is the centre of one of them, chosen uniformly, at
 *   {@link #FINE_NSIDE} = 2^24 (pixels of 12 milliarcseconds: the residual granularity is far below
 *   any association radius). Its random numbers come from stream (seed, 2^62 + s), independent of the
 *   pixel draws. Needs a power-of-two Nside (NESTED numbering).</li>
 *   <li>{@link Placement#CENTRE}: the pixel centre, as the harmonic analysis treats events. For a radius
 *   comparable to the pixel size this biases the expectation source by source: a 2 deg circle at Nside 64
 *   (pixels of 0.92 deg; the circle's area is 14.97 pixels) holds 12 to 18 pixel centres depending on where
 *   it lies (healpy {@code query_disc} at 20000 random centres: mean 14.98, 90 % between 14 and 16), so a
 *   source's expected count is off by typically 7 % and up to 20 %; the bias averages out over many
 *   sources at random positions but not for a handful. A circle smaller than a pixel may hold no centre
 *   at all (at Nside 8 the test finds +40 %).</li>
 * </ul>
 * Deterministic from the seed. Not thread-safe (one instance per thread).
 */
public final class IsotropicSkies {
    /** How a direction is placed inside its drawn pixel. */
    public enum Placement {
        UNIFORM, CENTRE;

        public static Placement parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "uniform" -> UNIFORM;
                case "centre", "center" -> CENTRE;
                default -> throw new IllegalArgumentException("--placement must be uniform or centre, got " + s);
            };
        }
    }

    /** Resolution of the uniform placement within a pixel. */
    public static final int FINE_NSIDE = 1 << 24;
    /** Offset of the placement streams' indices. */
    public static final long PLACEMENT_STREAM = 1L << 62;

    private final PreparedSample sample;
    private final Placement placement;
    private final IsotropicSampler sampler;
    private final HealpixGrid grid;
    private final HealpixGrid fine;
    private final int shift;
    private final int[] pixels;

    public IsotropicSkies(PreparedSample sample, Placement placement) {
        this.sample = sample;
        this.placement = placement;
        int nside = sample.exposure().nside();
        this.grid = new HealpixGrid(nside);
        if (placement == Placement.UNIFORM) {
            if (!HealpixGrid.isValidNside(nside) || nside > FINE_NSIDE) {
                throw new IllegalArgumentException("uniform placement within pixels needs a power-of-two Nside up to "
                        + FINE_NSIDE + " (exposure has Nside " + nside + "); use --placement centre");
            }
            this.fine = new HealpixGrid(FINE_NSIDE);
            this.shift = 2 * Integer.numberOfTrailingZeros(FINE_NSIDE / nside);
        } else {
            this.fine = null;
            this.shift = 0;
        }
        double lowest = sample.energyGev(sample.size() - 1);
        ScanPlan plan = new ScanPlan(sample, new double[] {lowest}, new double[0], new double[0]);
        this.sampler = new IsotropicSampler(sample, new LowMultipoles(nside), plan);
        this.pixels = new int[sample.size()];
    }

    public Placement placement() {
        return placement;
    }

    public int size() {
        return sample.size();
    }

    /** The directions of sky {@code sky}: out[i] = unit vector (galactic) of event i. */
    public void directions(long seed, long sky, double[][] out) {
        sampler.run(seed, sky, pixels);
        UniformRandomProvider rng = placement == Placement.UNIFORM ? RandomStreams.stream(seed, PLACEMENT_STREAM + sky)
                : null;
        for (int i = 0; i < pixels.length; i++) {
            double[] a;
            if (placement == Placement.UNIFORM) {
                long sub = grid.ring2nest(pixels[i]) << shift;
                a = fine.pix2ang(sub + rng.nextLong(1L << shift), Ordering.NESTED);
            } else {
                a = grid.pix2ang(pixels[i], Ordering.RING);
            }
            double s = Math.sin(a[0]);
            double[] u = out[i];
            u[0] = s * Math.cos(a[1]);
            u[1] = s * Math.sin(a[1]);
            u[2] = Math.cos(a[0]);
        }
    }

    /** K of each of {@code skies} skies: how many events lie within the radius of some source. */
    public int[] counts(SourceMatcher matcher, int skies, long seed) {
        if (skies < 1) {
            throw new IllegalArgumentException("--skies must be >= 1, got " + skies);
        }
        double[][] dirs = new double[sample.size()][3];
        int[] k = new int[skies];
        for (int s = 0; s < skies; s++) {
            directions(seed, s, dirs);
            int c = 0;
            for (double[] u : dirs) {
                if (matcher.associated(u)) {
                    c++;
                }
            }
            k[s] = c;
        }
        return k;
    }
}
