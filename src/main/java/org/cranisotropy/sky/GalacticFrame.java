package org.cranisotropy.sky;

/**
 * ICRS (J2000 right ascension and declination) to galactic coordinates (l, b) and back.
 *
 * <p>The galactic frame is fixed in FK5 (J2000) by the north galactic pole (RA 192.8594812065348°,
 * Dec 27.12825118085622°) and the galactic longitude of the north celestial pole
 * (122.9319185680026°), the IAU 1958 definition carried from B1950 to J2000 (Murray 1989, A&amp;A
 * 218, 325; the values astropy uses). ICRS differs from FK5 J2000 by the frame bias of USNO
 * Circular 179 (Kaplan 2005): eta0 = -19.9 mas, xi0 = 9.1 mas, d(alpha0) = -22.9 mas.
 *
 * <p>Both rotations are composed once into {@link #ICRS_TO_GALACTIC}; converting a direction is one
 * 3x3 product. Agreement with astropy is tested to 2e-5 degrees.
 */
public final class GalacticFrame {
    private static final double MAS = Math.toRadians(1.0 / 3_600_000.0);

    /** Rows map an ICRS unit vector to a galactic one. */
    static final double[][] ICRS_TO_GALACTIC = icrsToGalactic();

    private GalacticFrame() {}

    /** Returns {l, b} in degrees, l in [0, 360), for ICRS (ra, dec) in degrees. */
    public static double[] fromIcrs(double raDeg, double decDeg) {
        return rotate(ICRS_TO_GALACTIC, false, raDeg, decDeg);
    }

    /** Returns ICRS {ra, dec} in degrees, ra in [0, 360), for galactic (l, b) in degrees. */
    public static double[] toIcrs(double lDeg, double bDeg) {
        return rotate(ICRS_TO_GALACTIC, true, lDeg, bDeg);
    }

    /** Unit vector of longitude/latitude in degrees. */
    public static double[] unitVector(double lonDeg, double latDeg) {
        double lon = Math.toRadians(lonDeg);
        double lat = Math.toRadians(latDeg);
        double c = Math.cos(lat);
        return new double[] {c * Math.cos(lon), c * Math.sin(lon), Math.sin(lat)};
    }

    /** {longitude in [0, 360), latitude} in degrees of a (not necessarily unit) vector. */
    public static double[] lonLat(double x, double y, double z) {
        double lon = Math.toDegrees(Math.atan2(y, x));
        if (lon < 0) {
            lon += 360.0;
        }
        if (lon >= 360.0) {
            lon -= 360.0;
        }
        double lat = Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
        return new double[] {lon, lat};
    }

    private static double[] rotate(double[][] m, boolean transpose, double lonDeg, double latDeg) {
        double[] v = unitVector(lonDeg, latDeg);
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i] += (transpose ? m[j][i] : m[i][j]) * v[j];
            }
        }
        return lonLat(r[0], r[1], r[2]);
    }

    private static double[][] icrsToGalactic() {
        double[][] fk5ToGal = multiply(
                multiply(rotation(Math.toRadians(180.0 - 122.9319185680026), 2),
                        rotation(Math.toRadians(90.0 - 27.12825118085622), 1)),
                rotation(Math.toRadians(192.8594812065348), 2));
        double[][] frameBias = multiply(
                multiply(rotation(19.9 * MAS, 0), rotation(9.1 * MAS, 1)),
                rotation(-22.9 * MAS, 2));
        return multiply(fk5ToGal, frameBias);
    }

    /** Passive (coordinate-frame) rotation by angle about axis 0 = x, 1 = y, 2 = z. */
    private static double[][] rotation(double angle, int axis) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        int a = (axis + 1) % 3;
        int b = (axis + 2) % 3;
        double[][] m = new double[3][3];
        m[axis][axis] = 1.0;
        m[a][a] = c;
        m[b][b] = c;
        m[a][b] = s;
        m[b][a] = -s;
        return m;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    r[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return r;
    }
}
