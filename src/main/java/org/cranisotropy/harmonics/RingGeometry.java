package org.cranisotropy.harmonics;

import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.Ordering;

/**
 * The iso-latitude rings of the HEALPix RING scheme at one Nside (Gorski et al. 2005, section 4):
 * ring r (0-based here, r = 0 .. 4 Nside - 2 from north to south) holds pixelCount(r) pixels
 * starting at startPixel(r), equally spaced in longitude from phi0(r), at cos theta = z(r).
 * Rings r and 4 Nside - 2 - r are mirror images (z to -z, same phi0 and pixel count), which the
 * transforms use to halve the Legendre work. z and phi0 come from healpix-java. Immutable.
 */
public final class RingGeometry {
    private final int nside;
    private final long[] startPixel;
    private final int[] pixelCount;
    private final double[] z;
    private final double[] sinTheta;
    private final double[] phi0;

    public RingGeometry(int nside) {
        HealpixGrid grid = new HealpixGrid(nside);
        int rings = grid.ringCount();
        this.nside = nside;
        this.startPixel = new long[rings];
        this.pixelCount = new int[rings];
        this.z = new double[rings];
        this.sinTheta = new double[rings];
        this.phi0 = new double[rings];
        long n = nside;
        long npix = grid.npix();
        for (int r = 0; r < rings; r++) {
            long i = r + 1; // HEALPix ring number
            if (i < n) { // north polar cap
                pixelCount[r] = (int) (4 * i);
                startPixel[r] = 2 * i * (i - 1);
            } else if (i <= 3 * n) { // equatorial belt
                pixelCount[r] = (int) (4 * n);
                startPixel[r] = 2 * n * (n - 1) + (i - n) * 4 * n;
            } else { // south polar cap
                long j = 4 * n - i;
                pixelCount[r] = (int) (4 * j);
                startPixel[r] = npix - 2 * j * (j + 1);
            }
            z[r] = grid.ringZ((int) i);
            phi0[r] = grid.pix2ang(startPixel[r], Ordering.RING)[1];
            long ip = Math.min(i, 4 * n - i);
            if (ip < n) {
                // 1 - |z| = ip^2 / (3 Nside^2) exactly; avoids cancellation near the poles
                double t = (double) (ip * ip) / (3.0 * n * n);
                sinTheta[r] = Math.sqrt(t * (2.0 - t));
            } else {
                sinTheta[r] = Math.sqrt((1.0 - z[r]) * (1.0 + z[r]));
            }
        }
    }

    public int nside() {
        return nside;
    }

    public int ringCount() {
        return pixelCount.length;
    }

    public long npix() {
        return 12L * nside * nside;
    }

    public long startPixel(int r) {
        return startPixel[r];
    }

    public int pixelCount(int r) {
        return pixelCount[r];
    }

    public double z(int r) {
        return z[r];
    }

    public double sinTheta(int r) {
        return sinTheta[r];
    }

    public double phi0(int r) {
        return phi0[r];
    }

    /** The ring mirrored through the equator (itself for the equator ring 2 Nside - 1). */
    public int mirror(int r) {
        return ringCount() - 1 - r;
    }
}
