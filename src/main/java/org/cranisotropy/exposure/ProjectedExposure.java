package org.cranisotropy.exposure;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * The geometric exposure of each event class (m^2 s at the energy pivot, before the energy factor
 * g_c(E)) as a sum of fixed-point integers in units of 2^-20 m^2 s. Integer addition is associative,
 * so partial projections of any subsets of the dwell cells add up to bit-identical totals in any
 * order (the rounding of each contribution, at most 2^-21 m^2 s, is ~1e-12 of a full-period pixel).
 * Immutable.
 */
public final class ProjectedExposure implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Fixed-point scale: units per m^2 s. */
    public static final double SCALE = 1 << 20;

    private final int nside;
    private final long[][] units; // [class ordinal][RING pixel], null for classes not projected

    ProjectedExposure(int nside, long[][] units) {
        this.nside = nside;
        this.units = units;
    }

    public static ProjectedExposure zero(int nside, Iterable<EventClass> classes) {
        long[][] u = new long[EventClass.values().length][];
        for (EventClass c : classes) {
            u[c.ordinal()] = new long[12 * nside * nside];
        }
        return new ProjectedExposure(nside, u);
    }

    public int nside() {
        return nside;
    }

    /** The exact sum of two projections of the same grid and classes (a new object). */
    public ProjectedExposure plus(ProjectedExposure o) {
        if (o.nside != nside) {
            throw new IllegalArgumentException("cannot add projections of Nside " + nside + " and " + o.nside);
        }
        long[][] sum = new long[units.length][];
        for (int c = 0; c < units.length; c++) {
            if ((units[c] == null) != (o.units[c] == null)) {
                throw new IllegalArgumentException("cannot add projections of different event classes");
            }
            if (units[c] != null) {
                sum[c] = units[c].clone();
                long[] b = o.units[c];
                for (int p = 0; p < b.length; p++) {
                    sum[c][p] += b[p];
                }
            }
        }
        return new ProjectedExposure(nside, sum);
    }

    /** Geometric exposure map (m^2 s, RING) of a class. */
    public double[] geometricMap(EventClass c) {
        long[] u = units[c.ordinal()];
        if (u == null) {
            throw new IllegalArgumentException("class " + c + " was not projected");
        }
        double[] m = new double[u.length];
        for (int p = 0; p < u.length; p++) {
            m[p] = u[p] / SCALE;
        }
        return m;
    }

    /** The exposure cube: map(bin, c) = geometric map of c x g_c(centre of bin). */
    public ExposureCube toCube(DetectorAcceptance acceptance, EnergyBinning binning) {
        Map<EventClass, double[][]> maps = new EnumMap<>(EventClass.class);
        for (EventClass c : EventClass.values()) {
            if (units[c.ordinal()] == null) {
                continue;
            }
            double[] g = geometricMap(c);
            double[][] m = new double[binning.size()][g.length];
            for (int k = 0; k < binning.size(); k++) {
                double f = acceptance.energyFactor(c, binning.centre(k));
                for (int p = 0; p < g.length; p++) {
                    m[k][p] = g[p] * f;
                }
            }
            maps.put(c, m);
        }
        return new ExposureCube(nside, binning, maps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectedExposure e && e.nside == nside && java.util.Arrays.deepEquals(e.units, units);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(units);
    }
}
