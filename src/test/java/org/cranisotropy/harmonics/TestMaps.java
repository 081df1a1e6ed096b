package org.cranisotropy.harmonics;

import org.cranisotropy.sky.GalacticFrame;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.HealpixMap;
import org.cranisotropy.sky.Ordering;

/**
 * The test maps of src/test/python/golden_maps.py, built the same way in Java: closed-form functions
 * of the RING pixel index and pixel centre, so the golden a_lm from healpy apply to them.
 */
public final class TestMaps {
    private TestMaps() {}

    /** u_p = ((p * 2654435761) mod 2^32) / 2^32. */
    static double hashUniform(long p) {
        return (double) ((p * 2654435761L) & 0xFFFFFFFFL) / 4294967296.0;
    }

    public static HealpixMap make(String name, int nside) {
        HealpixGrid grid = new HealpixGrid(nside);
        int npix = (int) grid.npix();
        double[] m = new double[npix];
        switch (name) {
            case "noise":
                for (int p = 0; p < npix; p++) {
                    m[p] = hashUniform(p);
                }
                break;
            case "dipole": {
                double[] d = GalacticFrame.unitVector(263.9, -3.3);
                for (int p = 0; p < npix; p++) {
                    double[] a = grid.pix2ang(p, Ordering.RING);
                    double st = Math.sin(a[0]);
                    double dot = d[0] * st * Math.cos(a[1]) + d[1] * st * Math.sin(a[1]) + d[2] * Math.cos(a[0]);
                    m[p] = 1.0 + 0.8 * dot + 0.05 * hashUniform(p);
                }
                break;
            }
            case "sparse14": {
                for (int k = 0; k < 14; k++) {
                    double l = ((37 * k * k + 11 * k) % 360) + 0.5;
                    double b = -80.0 + ((53 * k) % 161) + 0.25;
                    m[(int) grid.ang2pix(Math.toRadians(90.0 - b), Math.toRadians(l), Ordering.RING)] += 1.0;
                }
                break;
            }
            case "peaked":
                m[npix / 3 + 7] = 1000.0;
                break;
            default:
                throw new IllegalArgumentException(name);
        }
        return HealpixMap.ofRing(nside, m);
    }
}
