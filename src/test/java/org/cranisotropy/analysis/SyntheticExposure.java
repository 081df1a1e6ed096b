package org.cranisotropy.analysis;

import java.util.EnumMap;
import java.util.Map;
import org.cranisotropy.exposure.EnergyBinning;
import org.cranisotropy.exposure.EventClass;
import org.cranisotropy.exposure.ExposureCube;
import org.cranisotropy.sky.GalacticFrame;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.Ordering;

/**
 * Exposure cubes with a closed form, for tests: A(dec) = 1 + q cos^2(dec) in equatorial declination
 * (a band like a low-inclination orbit's, strongly quadrupolar), scaled per class and mildly per bin.
 */
final class SyntheticExposure {
    private SyntheticExposure() {}

    static ExposureCube equatorialBand(int nside, double q) {
        EnergyBinning bins = EnergyBinning.logarithmic(50, 20000, 8);
        HealpixGrid grid = new HealpixGrid(nside);
        int npix = (int) grid.npix();
        double[] shape = new double[npix];
        for (int p = 0; p < npix; p++) {
            double[] a = grid.pix2ang(p, Ordering.RING);
            double[] radec = GalacticFrame.toIcrs(Math.toDegrees(a[1]), 90.0 - Math.toDegrees(a[0]));
            double c = Math.cos(Math.toRadians(radec[1]));
            shape[p] = 1.0 + q * c * c;
        }
        Map<EventClass, double[][]> maps = new EnumMap<>(EventClass.class);
        for (EventClass c : EventClass.values()) {
            double[][] m = new double[bins.size()][npix];
            for (int k = 0; k < bins.size(); k++) {
                double scale = (4 - c.ordinal()) * (1.0 + 0.05 * k);
                for (int p = 0; p < npix; p++) {
                    m[k][p] = scale * shape[p];
                }
            }
            maps.put(c, m);
        }
        return new ExposureCube(nside, bins, maps);
    }
}
