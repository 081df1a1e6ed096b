package org.cranisotropy.association;

import java.util.List;
import org.cranisotropy.sky.GalacticFrame;

/**
 * The sources of a catalog as unit vectors, and the nearest of them to a direction. A direction is
 * associated when its nearest source is at most {@code radiusDeg} away ({@link AngularDistance}; the data
 * and the isotropic skies use this same test). Immutable.
 */
public final class SourceMatcher {
    /** The nearest source (index into the catalog) and its distance in degrees. */
    public record Nearest(int source, double distanceDeg) {}

    private final List<GammaRaySource> sources;
    private final double[][] unit;
    private final double radiusDeg;

    public SourceMatcher(List<GammaRaySource> sources, double radiusDeg) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no sources to match against");
        }
        if (!(radiusDeg > 0 && radiusDeg <= 180.0)) {
            throw new IllegalArgumentException("--radius must be in (0, 180] degrees, got " + radiusDeg);
        }
        this.sources = List.copyOf(sources);
        this.unit = new double[sources.size()][];
        for (int s = 0; s < unit.length; s++) {
            unit[s] = GalacticFrame.unitVector(sources.get(s).lDeg(), sources.get(s).bDeg());
        }
        this.radiusDeg = radiusDeg;
    }

    public List<GammaRaySource> sources() {
        return sources;
    }

    public double radiusDeg() {
        return radiusDeg;
    }

    /** The nearest source to a unit vector (the first one on a tie). */
    public Nearest nearest(double[] direction) {
        int best = 0;
        double d = Double.POSITIVE_INFINITY;
        for (int s = 0; s < unit.length; s++) {
            double x = AngularDistance.degrees(direction, unit[s]);
            if (x < d) {
                d = x;
                best = s;
            }
        }
        return new Nearest(best, d);
    }

    /** Whether a unit vector lies within the radius of some source. */
    public boolean associated(double[] direction) {
        for (double[] u : unit) {
            if (AngularDistance.degrees(direction, u) <= radiusDeg) {
                return true;
            }
        }
        return false;
    }
}
