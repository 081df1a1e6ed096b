package org.cranisotropy.sky;

import healpix.essentials.HealpixBase;
import healpix.essentials.Pointing;
import healpix.essentials.Scheme;

/**
 * A HEALPix pixelisation of the sphere at one Nside (Gorski et al. 2005, ApJ 622, 759), in RING
 * and NESTED numbering. All geometry is delegated to healpix-java (Debian libhealpix-java); this
 * class only gives it checked-exception-free, angle-in-radians access.
 *
 * <p>theta is the colatitude in [0, pi], phi the longitude in [0, 2 pi).
 */
public final class HealpixGrid {
    /** Largest Nside healpix-java supports (2^29). */
    public static final long NSIDE_MAX = HealpixBase.ns_max;

    private final int nside;
    private final HealpixBase ring;
    private final HealpixBase nest; // null when Nside is not a power of two

    public HealpixGrid(int nside) {
        if (nside < 1 || nside > NSIDE_MAX) {
            throw new IllegalArgumentException("Nside must be in [1, " + NSIDE_MAX + "], got " + nside);
        }
        this.nside = nside;
        try {
            this.ring = new HealpixBase(nside, Scheme.RING);
            this.nest = Integer.bitCount(nside) == 1 ? new HealpixBase(nside, Scheme.NESTED) : null;
        } catch (Exception e) {
            throw new IllegalArgumentException("healpix-java rejects Nside " + nside + ": " + e.getMessage(), e);
        }
    }

    /** True when n is a valid Nside for both orderings (a power of two up to 2^29). */
    public static boolean isValidNside(long n) {
        return n >= 1 && n <= NSIDE_MAX && Long.bitCount(n) == 1;
    }

    public int nside() {
        return nside;
    }

    public long npix() {
        return 12L * nside * nside;
    }

    /** Number of iso-latitude rings, 4 Nside - 1. */
    public int ringCount() {
        return 4 * nside - 1;
    }

    public long ang2pix(double theta, double phi, Ordering ordering) {
        try {
            return base(ordering).ang2pix(new Pointing(theta, phi));
        } catch (Exception e) {
            throw new IllegalArgumentException("ang2pix(" + theta + ", " + phi + "): " + e.getMessage(), e);
        }
    }

    /** Returns {theta, phi} of the centre of pixel pix. */
    public double[] pix2ang(long pix, Ordering ordering) {
        try {
            Pointing p = base(ordering).pix2ang(pix);
            return new double[] {p.theta, p.phi};
        } catch (Exception e) {
            throw new IllegalArgumentException("pix2ang(" + pix + "): " + e.getMessage(), e);
        }
    }

    public long nest2ring(long pix) {
        try {
            return nestBase().nest2ring(pix);
        } catch (Exception e) {
            throw new IllegalArgumentException("nest2ring(" + pix + "): " + e.getMessage(), e);
        }
    }

    public long ring2nest(long pix) {
        try {
            return nestBase().ring2nest(pix);
        } catch (Exception e) {
            throw new IllegalArgumentException("ring2nest(" + pix + "): " + e.getMessage(), e);
        }
    }

    /** cos(theta) of ring number r, 1 &lt;= r &lt;= 4 Nside - 1 (1 is the northernmost). */
    public double ringZ(int r) {
        return ring.ring2z(r);
    }

    private HealpixBase base(Ordering ordering) {
        return ordering == Ordering.RING ? ring : nestBase();
    }

    private HealpixBase nestBase() {
        if (nest == null) {
            throw new IllegalArgumentException("NESTED ordering needs Nside a power of two, got " + nside);
        }
        return nest;
    }
}
