package org.cranisotropy.association;

import org.cranisotropy.sky.GalacticFrame;

/**
 * Great-circle distance between two directions as atan2(|u x v|, u . v) of their unit vectors: accurate to
 * rounding at every separation, unlike acos(u . v) (which loses half the digits near 0 and pi) or the
 * haversine formula (inaccurate near pi).
 */
public final class AngularDistance {
    private AngularDistance() {}

    /** Separation in degrees of two unit vectors. */
    public static double degrees(double[] u, double[] v) {
        double cx = u[1] * v[2] - u[2] * v[1];
        double cy = u[2] * v[0] - u[0] * v[2];
        double cz = u[0] * v[1] - u[1] * v[0];
        double dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
        return Math.toDegrees(Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), dot));
    }

    /** Separation in degrees of two (longitude, latitude) directions in degrees. */
    public static double degrees(double lon1Deg, double lat1Deg, double lon2Deg, double lat2Deg) {
        return degrees(GalacticFrame.unitVector(lon1Deg, lat1Deg), GalacticFrame.unitVector(lon2Deg, lat2Deg));
    }
}
