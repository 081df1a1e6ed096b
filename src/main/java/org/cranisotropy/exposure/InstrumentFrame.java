package org.cranisotropy.exposure;

import java.io.Serializable;
import java.time.Instant;

/**
 * The detector frame of a CALET-like instrument on the ISS orbit at an instant: the axis z points to the
 * zenith, x along the flight direction (made exactly perpendicular to z), y = z x x. An arrival direction
 * v (the direction the particle comes from) has
 * <pre>
 *   zenith angle   theta = atan2(|v x z|, v . z)            in [0, 180] deg
 *   azimuth        psi   = atan2(v . y, v . x)              in [0, 360) deg, from the flight direction
 *                                                             towards y = z x x (counter-clockwise seen from above)
 *   v = sin(theta) cos(psi) x + sin(theta) sin(psi) y + cos(theta) z
 * </pre>
 * This psi equals the azimuth beta - phi of {@link ExposureProjection} (flight azimuth minus the azimuth of
 * the direction, both from local north towards east about the zenith); the acceptance depends on it only
 * through cos(4 psi) ({@link DetectorAcceptance}). Times are MJD (UTC, as in the events' {@code time} column),
 * converted to seconds after the orbit's epoch by one fixed formula ({@link #secondsAfterEpoch}), so a
 * direction recomputed from a stored (time, theta, psi) goes through exactly the orbit state it was made
 * with. All vectors are galactic. Immutable.
 */
public final class InstrumentFrame implements Serializable {
    private static final long serialVersionUID = 1L;

    private final IssOrbit orbit;
    private final double epochMjd;

    public InstrumentFrame(IssOrbit orbit) {
        this.orbit = orbit;
        this.epochMjd = mjd(orbit.epoch());
    }

    public IssOrbit orbit() {
        return orbit;
    }

    /** The MJD (UTC) of an instant: MJD 40587 = 1970-01-01. */
    public static double mjd(Instant t) {
        return 40587.0 + t.getEpochSecond() / 86400.0 + t.getNano() / 86400e9;
    }

    /** Seconds after the orbit's epoch of a time given as MJD. */
    public double secondsAfterEpoch(double mjd) {
        return (mjd - epochMjd) * 86400.0;
    }

    /**
     * The frame's axes at a time as galactic unit vectors, x y z each 3 doubles (x the flight direction, y = z x
     * x, z the zenith), written to out[at .. at + 9).
     */
    public void axes(double mjd, double[] out, int at) {
        axes(orbit.state(secondsAfterEpoch(mjd)), out, at);
    }

    /** {@link #axes(double, double[], int)} from an orbit state. */
    public static void axes(IssOrbit.State s, double[] out, int at) {
        double[] z = s.zenithGalactic();
        double[] f = s.flightGalactic();
        double d = f[0] * z[0] + f[1] * z[1] + f[2] * z[2];
        double x0 = f[0] - d * z[0];
        double x1 = f[1] - d * z[1];
        double x2 = f[2] - d * z[2];
        double norm = Math.sqrt(x0 * x0 + x1 * x1 + x2 * x2);
        x0 /= norm;
        x1 /= norm;
        x2 /= norm;
        out[at] = x0;
        out[at + 1] = x1;
        out[at + 2] = x2;
        out[at + 3] = z[1] * x2 - z[2] * x1;
        out[at + 4] = z[2] * x0 - z[0] * x2;
        out[at + 5] = z[0] * x1 - z[1] * x0;
        out[at + 6] = z[0];
        out[at + 7] = z[1];
        out[at + 8] = z[2];
    }

    /** {zenith angle, azimuth} in degrees of galactic unit vector v in the frame whose axes are a[at ..]. */
    public static double[] incidence(double[] a, int at, double[] v) {
        double vx = v[0] * a[at] + v[1] * a[at + 1] + v[2] * a[at + 2];
        double vy = v[0] * a[at + 3] + v[1] * a[at + 4] + v[2] * a[at + 5];
        double vz = v[0] * a[at + 6] + v[1] * a[at + 7] + v[2] * a[at + 8];
        double theta = Math.toDegrees(Math.atan2(Math.hypot(vx, vy), vz));
        double psi = Math.toDegrees(Math.atan2(vy, vx));
        if (psi < 0) {
            psi += 360.0;
        }
        if (psi >= 360.0) {
            psi -= 360.0;
        }
        return new double[] {theta, psi};
    }

    /** The detector-frame unit vector {sin theta cos psi, sin theta sin psi, cos theta} of (theta, psi) in degrees. */
    public static double[] detectorVector(double zenithDeg, double azimuthDeg) {
        double t = Math.toRadians(zenithDeg);
        double p = Math.toRadians(azimuthDeg);
        double s = Math.sin(t);
        return new double[] {s * Math.cos(p), s * Math.sin(p), Math.cos(t)};
    }

    /** The galactic unit vector of detector-frame vector d in the frame whose axes are a[at ..]. */
    public static double[] toGalactic(double[] a, int at, double[] d) {
        return new double[] {
            d[0] * a[at] + d[1] * a[at + 3] + d[2] * a[at + 6],
            d[0] * a[at + 1] + d[1] * a[at + 4] + d[2] * a[at + 7],
            d[0] * a[at + 2] + d[1] * a[at + 5] + d[2] * a[at + 8]};
    }

    /** The galactic unit vector of an arrival direction given at a time (MJD) by its zenith angle and azimuth (deg). */
    public double[] galacticDirection(double mjd, double zenithDeg, double azimuthDeg) {
        double[] a = new double[9];
        axes(mjd, a, 0);
        return toGalactic(a, 0, detectorVector(zenithDeg, azimuthDeg));
    }

    /** {zenith angle, azimuth} in degrees of a galactic unit vector at a time (MJD). */
    public double[] incidence(double mjd, double[] galactic) {
        double[] a = new double[9];
        axes(mjd, a, 0);
        return incidence(a, 0, galactic);
    }

    @Override
    public String toString() {
        return "InstrumentFrame[" + orbit + "]";
    }
}
