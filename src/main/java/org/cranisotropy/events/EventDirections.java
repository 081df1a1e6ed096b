package org.cranisotropy.events;

import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.HealpixMap;
import org.cranisotropy.sky.Ordering;

/**
 * Arrival directions of events in galactic coordinates with a weight each (1 unless given).
 * Immutable; the arrays are copied in and out.
 */
public final class EventDirections {
    private final double[] lDeg;
    private final double[] bDeg;
    private final double[] weight;

    public EventDirections(double[] lDeg, double[] bDeg, double[] weight) {
        if (lDeg.length != bDeg.length || lDeg.length != weight.length) {
            throw new IllegalArgumentException("l, b and weight columns differ in length");
        }
        this.lDeg = lDeg.clone();
        this.bDeg = bDeg.clone();
        this.weight = weight.clone();
    }

    public int size() {
        return lDeg.length;
    }

    public double lDeg(int i) {
        return lDeg[i];
    }

    public double bDeg(int i) {
        return bDeg[i];
    }

    public double weight(int i) {
        return weight[i];
    }

    /** RING pixel of every event at this Nside (theta = 90 deg - b, phi = l). */
    public int[] pixels(HealpixGrid grid) {
        int[] pix = new int[lDeg.length];
        for (int i = 0; i < pix.length; i++) {
            double theta = Math.toRadians(90.0 - bDeg[i]);
            double phi = Math.toRadians(lDeg[i]);
            pix[i] = (int) grid.ang2pix(theta, phi, Ordering.RING);
        }
        return pix;
    }

    /** The RING map of summed weights per pixel. */
    public HealpixMap weightMap(int nside) {
        HealpixGrid grid = new HealpixGrid(nside);
        double[] map = new double[(int) grid.npix()];
        int[] pix = pixels(grid);
        for (int i = 0; i < pix.length; i++) {
            map[pix[i]] += weight[i];
        }
        return HealpixMap.adoptRing(nside, map);
    }
}
