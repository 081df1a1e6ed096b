package org.cranisotropy.exposure;

import java.util.EnumMap;
import java.util.Map;

/**
 * Exposure A(E, class, pixel) (effective area x live time, in m^2 s, all selection efficiencies
 * included): one full-sky RING HEALPix map in galactic coordinates per energy bin and event class
 * (method.md section 1). Between bin centres the exposure is interpolated linearly in log E, and
 * held constant beyond the first and last centre. Immutable.
 */
public final class ExposureCube implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int nside;
    private final EnergyBinning binning;
    private final Map<EventClass, double[][]> maps; // [bin][pixel]

    /**
     * @param maps for each class present, maps[bin] = RING map of that bin (arrays are copied)
     */
    public ExposureCube(int nside, EnergyBinning binning, Map<EventClass, double[][]> maps) {
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("an exposure cube needs at least one event class");
        }
        int npix = 12 * nside * nside;
        EnumMap<EventClass, double[][]> copy = new EnumMap<>(EventClass.class);
        for (Map.Entry<EventClass, double[][]> e : maps.entrySet()) {
            double[][] m = e.getValue();
            if (m.length != binning.size()) {
                throw new IllegalArgumentException("class " + e.getKey() + ": " + m.length + " maps for "
                        + binning.size() + " energy bins");
            }
            double[][] c = new double[m.length][];
            for (int k = 0; k < m.length; k++) {
                if (m[k].length != npix) {
                    throw new IllegalArgumentException("class " + e.getKey() + ", bin " + k + ": " + m[k].length
                            + " pixels, Nside " + nside + " needs " + npix);
                }
                for (int p = 0; p < npix; p++) {
                    if (!(m[k][p] >= 0) || Double.isInfinite(m[k][p])) {
                        throw new IllegalArgumentException("class " + e.getKey() + ", bin " + k + ", pixel " + p
                                + ": exposure must be finite and >= 0 (value " + m[k][p] + ")");
                    }
                }
                c[k] = m[k].clone();
            }
            copy.put(e.getKey(), c);
        }
        this.nside = nside;
        this.binning = binning;
        this.maps = copy;
    }

    public int nside() {
        return nside;
    }

    public int npix() {
        return 12 * nside * nside;
    }

    public EnergyBinning binning() {
        return binning;
    }

    public boolean hasClass(EventClass c) {
        return maps.containsKey(c);
    }

    public java.util.Set<EventClass> classes() {
        return java.util.Collections.unmodifiableSet(maps.keySet());
    }

    /** A copy of the RING map of one energy bin and class. */
    public double[] map(int bin, EventClass c) {
        return classMaps(c)[bin].clone();
    }

    /** Exposure at an energy (log-E interpolation between bin centres) for a class and pixel. */
    public double exposure(EventClass c, double energyGev, int pixel) {
        return interpolation(energyGev).of(classMaps(c), pixel);
    }

    /**
     * The interpolation of {@link #exposure} as (lower bin, weight of the upper bin): exposure =
     * (1 - w) map[bin] + w map[bin + 1] (w = 0 and bin + 1 unused at the ends).
     */
    public InterpolationPoint interpolation(double energyGev) {
        int n = binning.size();
        double x = Math.log(energyGev);
        if (n == 1 || x <= Math.log(binning.centre(0))) {
            return new InterpolationPoint(0, 0.0);
        }
        if (x >= Math.log(binning.centre(n - 1))) {
            return new InterpolationPoint(n - 1, 0.0);
        }
        int k = 0;
        while (x > Math.log(binning.centre(k + 1))) {
            k++;
        }
        double x0 = Math.log(binning.centre(k));
        double x1 = Math.log(binning.centre(k + 1));
        return new InterpolationPoint(k, (x - x0) / (x1 - x0));
    }

    /** Lower bin and the weight of the next bin in a log-E interpolation. */
    public record InterpolationPoint(int bin, double upperWeight) {
        /** (1 - w) perBin[bin] + w perBin[bin + 1] (just perBin[bin] when w = 0, also at the last bin). */
        public double of(double[] perBin) {
            return upperWeight == 0.0 ? perBin[bin] : (1 - upperWeight) * perBin[bin] + upperWeight * perBin[bin + 1];
        }

        /** The interpolated value of one pixel of per-bin maps [bin][pixel]. */
        public double of(double[][] maps, int pixel) {
            return upperWeight == 0.0 ? maps[bin][pixel]
                    : (1 - upperWeight) * maps[bin][pixel] + upperWeight * maps[bin + 1][pixel];
        }
    }

    private double[][] classMaps(EventClass c) {
        double[][] m = maps.get(c);
        if (m == null) {
            throw new IllegalArgumentException("no exposure maps for event class " + c);
        }
        return m;
    }
}
