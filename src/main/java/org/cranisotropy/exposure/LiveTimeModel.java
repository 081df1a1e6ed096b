package org.cranisotropy.exposure;

import java.io.Serializable;

/**
 * Live fraction of a time step: zero while the sub-satellite point is inside the South Atlantic
 * Anomaly (SAA), where CALET suspends its high-energy trigger, and 1 - (dead-time fraction) elsewhere.
 * The SAA is a box in geographic coordinates, latitude in [latMin, latMax] and east longitude in
 * [lonMin, lonMax] (degrees; lonMin &gt; lonMax means the box wraps through 180 deg). Immutable.
 *
 * <p>Live time of a step of length dt: dt * liveFraction(lat, lon) at the step's midpoint.
 */
public final class LiveTimeModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double deadTimeFraction;
    private final boolean saaEnabled;
    private final double latMin;
    private final double latMax;
    private final double lonMin;
    private final double lonMax;

    public LiveTimeModel(double deadTimeFraction, boolean saaEnabled, double latMinDeg, double latMaxDeg,
            double lonMinDeg, double lonMaxDeg) {
        if (!(deadTimeFraction >= 0 && deadTimeFraction < 1)) {
            throw new IllegalArgumentException("dead-time fraction must be in [0, 1), got " + deadTimeFraction);
        }
        if (saaEnabled && !(latMinDeg >= -90 && latMinDeg < latMaxDeg && latMaxDeg <= 90)) {
            throw new IllegalArgumentException("SAA latitude box must satisfy -90 <= lat-min < lat-max <= 90, got ["
                    + latMinDeg + ", " + latMaxDeg + "]");
        }
        if (saaEnabled && !(Math.abs(lonMinDeg) <= 180 && Math.abs(lonMaxDeg) <= 180 && lonMinDeg != lonMaxDeg)) {
            throw new IllegalArgumentException("SAA longitudes must be distinct and in [-180, 180], got ["
                    + lonMinDeg + ", " + lonMaxDeg + "]");
        }
        this.deadTimeFraction = deadTimeFraction;
        this.saaEnabled = saaEnabled;
        this.latMin = latMinDeg;
        this.latMax = latMaxDeg;
        this.lonMin = lonMinDeg;
        this.lonMax = lonMaxDeg;
    }

    /** No SAA, no dead time: live fraction 1 everywhere. */
    public static LiveTimeModel alwaysLive() {
        return new LiveTimeModel(0.0, false, 0, 0, 0, 0);
    }

    public double deadTimeFraction() {
        return deadTimeFraction;
    }

    /** True when (lat, lon) (degrees, east longitude in [-180, 180]) is in the SAA box. */
    public boolean inSaa(double latDeg, double lonDeg) {
        if (!saaEnabled || latDeg < latMin || latDeg > latMax) {
            return false;
        }
        return lonMin < lonMax ? lonDeg >= lonMin && lonDeg <= lonMax : lonDeg >= lonMin || lonDeg <= lonMax;
    }

    /** Live fraction at a sub-satellite point: 0 in the SAA, 1 - dead-time fraction elsewhere. */
    public double liveFraction(double latDeg, double lonDeg) {
        return inSaa(latDeg, lonDeg) ? 0.0 : 1.0 - deadTimeFraction;
    }
}
