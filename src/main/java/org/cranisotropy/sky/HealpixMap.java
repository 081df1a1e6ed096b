package org.cranisotropy.sky;

import java.util.Arrays;

/** A full-sky HEALPix map in RING ordering: one value per pixel. Immutable. */
public final class HealpixMap {
    private final int nside;
    private final double[] values;

    private HealpixMap(int nside, double[] values) {
        long npix = 12L * nside * nside;
        if (values.length != npix) {
            throw new IllegalArgumentException(
                    "a map of Nside " + nside + " has " + npix + " pixels, got " + values.length);
        }
        this.nside = nside;
        this.values = values;
    }

    /** A RING-ordered map; the array is copied. */
    public static HealpixMap ofRing(int nside, double[] ringValues) {
        return new HealpixMap(nside, ringValues.clone());
    }

    /** A map given in NESTED order, reordered to RING. */
    public static HealpixMap ofNested(int nside, double[] nestedValues) {
        HealpixGrid grid = new HealpixGrid(nside);
        double[] ring = new double[nestedValues.length];
        for (int p = 0; p < nestedValues.length; p++) {
            ring[(int) grid.nest2ring(p)] = nestedValues[p];
        }
        return new HealpixMap(nside, ring);
    }

    /** Wraps an array the caller hands over and will not touch again (no copy). */
    public static HealpixMap adoptRing(int nside, double[] ringValues) {
        return new HealpixMap(nside, ringValues);
    }

    public int nside() {
        return nside;
    }

    public int npix() {
        return values.length;
    }

    public double get(int ringPixel) {
        return values[ringPixel];
    }

    /** A copy of the RING-ordered values. */
    public double[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HealpixMap m && m.nside == nside && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * nside + Arrays.hashCode(values);
    }
}
