package org.cranisotropy.report;

/**
 * The Mollweide equal-area projection of the sphere onto the ellipse x^2/8 + y^2/2 &lt;= 1 (semi-axes
 * 2 sqrt2 and sqrt2), centred on longitude 0 with longitude increasing to the <em>left</em>, as sky maps
 * in galactic coordinates are drawn (l = 0 at the centre, l = 180 at both edges, l = 90 left of centre):
 *
 * <pre>
 *   x = -(2 sqrt2 / pi) lambda cos(theta),   y = sqrt2 sin(theta),   2 theta + sin(2 theta) = pi sin(b)
 * </pre>
 *
 * with lambda = l wrapped into (-pi, pi] (so l = 180 lands on the left edge). The auxiliary angle theta
 * is found by Newton's method safeguarded by bisection on [0, pi/2] (the derivative vanishes at the
 * poles). The inverse is closed form. Angles in degrees; stateless.
 */
public final class MollweideProjection {
    /** Half width of the ellipse, 2 sqrt2. */
    public static final double X_MAX = 2.0 * Math.sqrt(2.0);
    /** Half height of the ellipse, sqrt2. */
    public static final double Y_MAX = Math.sqrt(2.0);

    private MollweideProjection() {}

    /** The auxiliary angle theta (radians) of a latitude b (degrees): 2 theta + sin 2 theta = pi sin b. */
    public static double auxiliaryAngle(double bDeg) {
        if (!(Math.abs(bDeg) <= 90.0)) {
            throw new IllegalArgumentException("latitude must be in [-90, 90] degrees, got " + bDeg);
        }
        double target = Math.PI * Math.abs(Math.sin(Math.toRadians(bDeg)));
        double lo = 0.0;
        double hi = Math.PI / 2;
        if (target >= Math.PI) {
            return Math.copySign(hi, bDeg);
        }
        double t = Math.toRadians(Math.abs(bDeg));
        for (int k = 0; k < 200; k++) {
            double f = 2 * t + Math.sin(2 * t) - target;
            if (f == 0) {
                break;
            }
            if (f > 0) {
                hi = t;
            } else {
                lo = t;
            }
            double d = 2 + 2 * Math.cos(2 * t);
            double next = d > 0 ? t - f / d : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi); // Newton left the bracket: bisect
            }
            if (Math.abs(next - t) <= 1e-15 * Math.max(1.0, t)) {
                t = next;
                break;
            }
            t = next;
        }
        return Math.copySign(t, bDeg);
    }

    /** (x, y) of a direction (l, b) in degrees; l any real (wrapped). */
    public static double[] forward(double lDeg, double bDeg) {
        double theta = auxiliaryAngle(bDeg);
        double lambda = Math.toRadians(wrap(lDeg));
        return new double[] {-X_MAX / Math.PI * lambda * Math.cos(theta), Y_MAX * Math.sin(theta)};
    }

    /** Whether (x, y) lies inside the ellipse (boundary included). */
    public static boolean inside(double x, double y) {
        return x * x / (X_MAX * X_MAX) + y * y / (Y_MAX * Y_MAX) <= 1.0;
    }

    /**
     * (l, b) in degrees of a point of the ellipse, l in [0, 360); null outside. On the outline
     * (|x| = 2 sqrt2 cos theta) the longitude is 180.
     */
    public static double[] inverse(double x, double y) {
        if (!inside(x, y)) {
            return null;
        }
        double s = Math.max(-1.0, Math.min(1.0, y / Y_MAX));
        double theta = Math.asin(s);
        double sinB = (2 * theta + Math.sin(2 * theta)) / Math.PI;
        double b = Math.toDegrees(Math.asin(Math.max(-1.0, Math.min(1.0, sinB))));
        double c = Math.cos(theta);
        double lambda = c > 0 ? -Math.PI * x / (X_MAX * c) : 0.0;
        lambda = Math.max(-Math.PI, Math.min(Math.PI, lambda));
        double l = Math.toDegrees(lambda);
        if (l < 0) {
            l += 360.0;
        }
        if (l >= 360.0) {
            l -= 360.0;
        }
        return new double[] {l, b};
    }

    /** l wrapped into (-180, 180]. */
    static double wrap(double lDeg) {
        double w = lDeg % 360.0;
        if (w > 180.0) {
            w -= 360.0;
        } else if (w <= -180.0) {
            w += 360.0;
        }
        return w;
    }
}
