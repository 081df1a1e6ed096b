package org.cranisotropy.exposure;

import java.io.Serializable;
import java.time.Instant;
import org.cranisotropy.sky.GalacticFrame;

/**
 * The ISS orbit as a precessing circular orbit: enough to give the zenith and flight directions of a
 * detector fixed to the station (CALET on JEM-EF looks at the zenith) and the sub-satellite point
 * for the live-time model. The altitude does not enter directions and is not modelled. Immutable.
 *
 * <p>With t in seconds from the epoch, the argument of latitude (angle from the ascending node along
 * the orbit) and the right ascension of the ascending node are
 * <pre>
 *   u(t) = u0 + 2 pi t / P,          Omega(t) = Omega0 + dOmega/dt * t
 * </pre>
 * (P the period, ~92.6 min for the ISS; dOmega/dt ~ -5.0 deg/day from the J2 oblateness term,
 * dOmega/dt = -3/2 n J2 (R/a)^2 cos i, Vallado, <i>Fundamentals of Astrodynamics</i>, eq. 9-41).
 * The zenith n (the geocentric position direction) and the flight direction f (velocity
 * direction, d n/du; the slow node drift adds below 1e-4 rad to it) in the inertial equatorial frame
 * (taken as ICRS/J2000; precession of the equinoxes, ~0.13 deg over 2015-2024, is neglected) are
 * <pre>
 *   n = ( cos Omega cos u - sin Omega sin u cos i,  sin Omega cos u + cos Omega sin u cos i,  sin u sin i )
 *   f = (-cos Omega sin u - sin Omega cos u cos i, -sin Omega sin u + cos Omega cos u cos i,  cos u sin i )
 * </pre>
 * so the zenith declination obeys sin(dec) = sin i sin u. The sub-satellite point (spherical Earth)
 * has latitude = dec(n) and east longitude = RA(n) - GMST(t), with the Greenwich mean sidereal
 * time of Meeus, <i>Astronomical Algorithms</i> (1998) eq. 12.4 (T^2 term, &lt; 1e-4 deg here,
 * omitted): GMST = 280.46061837 deg + 360.98564736629 deg * (JD - 2451545.0).
 *
 * <p>Directions are also given in galactic coordinates (via {@link GalacticFrame}), which is where
 * the exposure maps live.
 */
public final class IssOrbit implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double JD_UNIX_EPOCH = 2440587.5;
    private static final double JD_J2000 = 2451545.0;

    /** Rows map an ICRS unit vector to a galactic one (built from GalacticFrame's public API). */
    static final double[][] ICRS_TO_GALACTIC = icrsToGalactic();

    private final Instant epoch;
    private final double inclination;
    private final double periodSeconds;
    private final double raanAtEpoch;
    private final double raanRate; // rad/s
    private final double argumentOfLatitudeAtEpoch;
    private final double gmstAtEpoch; // rad
    private final double sinI;
    private final double cosI;

    /**
     * @param epoch t = 0 (the brief's start of observations is 2015-10-13T00:00Z)
     * @param inclinationDeg orbital inclination (ISS 51.64 deg)
     * @param periodMinutes orbital period (ISS ~92.6 min)
     * @param raanAtEpochDeg right ascension of the ascending node at the epoch
     * @param raanRateDegPerDay nodal drift (ISS ~ -5.0 deg/day)
     * @param argumentOfLatitudeAtEpochDeg u0, the angle from the ascending node at the epoch
     */
    public IssOrbit(Instant epoch, double inclinationDeg, double periodMinutes, double raanAtEpochDeg,
            double raanRateDegPerDay, double argumentOfLatitudeAtEpochDeg) {
        if (!(inclinationDeg > 0 && inclinationDeg < 90)) {
            throw new IllegalArgumentException("orbit inclination must be in (0, 90) deg, got " + inclinationDeg);
        }
        if (!(periodMinutes > 0) || Double.isInfinite(periodMinutes)) {
            throw new IllegalArgumentException("orbital period must be > 0 minutes, got " + periodMinutes);
        }
        if (!Double.isFinite(raanAtEpochDeg) || !Double.isFinite(raanRateDegPerDay)
                || !Double.isFinite(argumentOfLatitudeAtEpochDeg)) {
            throw new IllegalArgumentException("orbit angles and rates must be finite");
        }
        this.epoch = epoch;
        this.inclination = Math.toRadians(inclinationDeg);
        this.periodSeconds = periodMinutes * 60.0;
        this.raanAtEpoch = Math.toRadians(raanAtEpochDeg);
        this.raanRate = Math.toRadians(raanRateDegPerDay) / 86400.0;
        this.argumentOfLatitudeAtEpoch = Math.toRadians(argumentOfLatitudeAtEpochDeg);
        double jd = JD_UNIX_EPOCH + (epoch.getEpochSecond() + epoch.getNano() * 1e-9) / 86400.0;
        this.gmstAtEpoch = Math.toRadians(Math.IEEEremainder(280.46061837 + 360.98564736629 * (jd - JD_J2000), 360.0));
        this.sinI = Math.sin(inclination);
        this.cosI = Math.cos(inclination);
    }

    public Instant epoch() {
        return epoch;
    }

    public double inclinationDeg() {
        return Math.toDegrees(inclination);
    }

    public double periodSeconds() {
        return periodSeconds;
    }

    /** Sidereal rotation rate of the Earth, 360.98564736629 deg per (solar) day, in rad/s. */
    public static double earthRotationRate() {
        return Math.toRadians(360.98564736629) / 86400.0;
    }

    /** Greenwich mean sidereal time at t (rad, not reduced). */
    public double gmst(double t) {
        return gmstAtEpoch + earthRotationRate() * t;
    }

    /** The orbit state at t seconds after the epoch. */
    public State state(double t) {
        double u = argumentOfLatitudeAtEpoch + 2 * Math.PI * t / periodSeconds;
        double node = raanAtEpoch + raanRate * t;
        double cu = Math.cos(u);
        double su = Math.sin(u);
        double co = Math.cos(node);
        double so = Math.sin(node);
        double[] n = {co * cu - so * su * cosI, so * cu + co * su * cosI, su * sinI};
        double[] f = {-co * su - so * cu * cosI, -so * su + co * cu * cosI, cu * sinI};
        double lat = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, n[2]))));
        double lon = Math.toDegrees(Math.IEEEremainder(Math.atan2(n[1], n[0]) - gmst(t), 2 * Math.PI));
        if (lon >= 180.0) {
            lon -= 360.0;
        }
        return new State(n, f, lat, lon);
    }

    /**
     * n(t) . v, the cosine of the zenith angle at t of a direction given as an ICRS unit vector: the zenith of
     * {@link #state} by the same arithmetic, without the rest of the state (the hot loop of
     * {@link ArrivalTimes}).
     */
    double zenithCosine(double t, double[] vIcrs) {
        double u = argumentOfLatitudeAtEpoch + 2 * Math.PI * t / periodSeconds;
        double node = raanAtEpoch + raanRate * t;
        double cu = Math.cos(u);
        double su = Math.sin(u);
        double co = Math.cos(node);
        double so = Math.sin(node);
        return (co * cu - so * su * cosI) * vIcrs[0] + (so * cu + co * su * cosI) * vIcrs[1] + su * sinI * vIcrs[2];
    }

    /**
     * The orbit at one instant: zenith and flight directions as ICRS unit vectors, and the
     * geographic latitude and east longitude (degrees, longitude in [-180, 180]) of the sub-satellite
     * point.
     */
    public record State(double[] zenithIcrs, double[] flightIcrs, double latitudeDeg, double longitudeDeg) {
        public double[] zenithGalactic() {
            return toGalactic(zenithIcrs);
        }

        public double[] flightGalactic() {
            return toGalactic(flightIcrs);
        }
    }

    /** The orbit's elements (epoch, inclination, period, node and its drift, argument of latitude), exactly. */
    @Override
    public String toString() {
        return "IssOrbit[epoch " + epoch + ", inclination " + Math.toDegrees(inclination) + " deg, period "
                + periodSeconds + " s, node " + Math.toDegrees(raanAtEpoch) + " deg, node rate "
                + Math.toDegrees(raanRate) * 86400.0 + " deg/day, argument of latitude "
                + Math.toDegrees(argumentOfLatitudeAtEpoch) + " deg]";
    }

    /** An ICRS vector in galactic coordinates (one 3x3 product). */
    public static double[] toGalactic(double[] v) {
        double[][] m = ICRS_TO_GALACTIC;
        return new double[] {
            m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
    }

    private static double[][] icrsToGalactic() {
        // column j = the galactic vector of ICRS axis j
        double[][] axes = {GalacticFrame.fromIcrs(0, 0), GalacticFrame.fromIcrs(90, 0), GalacticFrame.fromIcrs(0, 90)};
        double[][] m = new double[3][3];
        for (int j = 0; j < 3; j++) {
            double[] g = GalacticFrame.unitVector(axes[j][0], axes[j][1]);
            for (int i = 0; i < 3; i++) {
                m[i][j] = g[i];
            }
        }
        return m;
    }
}
