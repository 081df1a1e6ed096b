package org.cranisotropy.association;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The separation against closed forms. */
class AngularDistanceTest {
    @Test
    void alongTheEquatorAndAMeridianItIsTheCoordinateDifference() {
        assertEquals(37.25, AngularDistance.degrees(10.0, 0.0, 47.25, 0.0), 1e-12);
        assertEquals(1.9, AngularDistance.degrees(263.9, -3.3, 263.9, -1.4), 1e-12);
        assertEquals(2.1, AngularDistance.degrees(120.0, 45.0, 120.0, 47.1), 1e-12);
        // across l = 0 and across the pole (l and l + 180 on the same meridian plane)
        assertEquals(3.0, AngularDistance.degrees(359.0, 0.0, 2.0, 0.0), 1e-12);
        assertEquals(4.0, AngularDistance.degrees(30.0, 88.0, 210.0, 88.0), 1e-12);
    }

    @Test
    void antipodesAndIdenticalPointsAreExact() {
        assertEquals(180.0, AngularDistance.degrees(0.0, 0.0, 180.0, 0.0), 1e-12);
        assertEquals(180.0, AngularDistance.degrees(33.0, 90.0, 71.0, -90.0), 1e-12);
        assertEquals(0.0, AngularDistance.degrees(263.9, -3.3, 263.9, -3.3), 0.0);
    }

    @Test
    void tinySeparationsKeepTheirRelativeAccuracy() {
        // 1e-7 deg along a meridian: acos(dot) gives 0 here (dot rounds to 1); the inputs' own rounding
        // (20 + 1e-7 in binary, degrees to radians) limits the agreement to ~1e-8 relative
        assertEquals(1e-7, AngularDistance.degrees(100.0, 20.0, 100.0, 20.0 + 1e-7), 1e-13);
        // on a small circle of latitude b, a longitude step dl spans 2 asin(cos b sin(dl / 2))
        double b = 60.0;
        double dl = 1e-6;
        double want = Math.toDegrees(2 * Math.asin(Math.cos(Math.toRadians(b)) * Math.sin(Math.toRadians(dl) / 2)));
        assertEquals(want, AngularDistance.degrees(10.0, b, 10.0 + dl, b), 1e-6 * want);
    }

    @Test
    void generalPairsAgreeWithTheSphericalLawOfCosines() {
        double[][] pairs = {{10, 20, 80, -35}, {263.9, -3.3, 184.56, -5.78}, {0, 0, 90, 45}, {300, -70, 120, 10}};
        for (double[] p : pairs) {
            double b1 = Math.toRadians(p[1]);
            double b2 = Math.toRadians(p[3]);
            double c = Math.sin(b1) * Math.sin(b2) + Math.cos(b1) * Math.cos(b2) * Math.cos(Math.toRadians(p[2] - p[0]));
            assertEquals(Math.toDegrees(Math.acos(c)), AngularDistance.degrees(p[0], p[1], p[2], p[3]), 1e-10);
        }
    }
}
