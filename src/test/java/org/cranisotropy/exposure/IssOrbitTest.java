package org.cranisotropy.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.cranisotropy.sky.GalacticFrame;
import org.junit.jupiter.api.Test;

/** Geometry of the precessing circular orbit and the shipped configuration. */
class IssOrbitTest {
    private static final IssOrbit ORBIT = new IssOrbit(Instant.parse("2015-10-13T00:00:00Z"), 51.64, 92.6, 0, -5.0, 0);

    @Test
    void zenithAndFlightAreOrthonormalAndDeclinationReachesTheInclination() {
        double maxDec = 0;
        for (int k = 0; k < 20000; k++) {
            IssOrbit.State s = ORBIT.state(k * 17.0);
            double[] n = s.zenithIcrs();
            double[] f = s.flightIcrs();
            assertEquals(1.0, DwellHistogram.dot(n, n), 1e-12);
            assertEquals(1.0, DwellHistogram.dot(f, f), 1e-12);
            assertEquals(0.0, DwellHistogram.dot(n, f), 1e-12);
            maxDec = Math.max(maxDec, Math.abs(s.latitudeDeg()));
            // galactic vectors are the same directions as GalacticFrame gives
            double[] radec = GalacticFrame.lonLat(n[0], n[1], n[2]);
            double[] lb = GalacticFrame.fromIcrs(radec[0], radec[1]);
            double[] g = s.zenithGalactic();
            double[] ref = GalacticFrame.unitVector(lb[0], lb[1]);
            for (int i = 0; i < 3; i++) {
                assertEquals(ref[i], g[i], 1e-12);
            }
        }
        assertTrue(maxDec <= 51.64 + 1e-9 && maxDec > 51.6, "max |dec| " + maxDec);
    }

    @Test
    void oneOrbitLaterTheZenithHasMovedByTheNodalDrift() {
        IssOrbit.State a = ORBIT.state(1000);
        IssOrbit.State b = ORBIT.state(1000 + 92.6 * 60);
        assertEquals(a.zenithIcrs()[2], b.zenithIcrs()[2], 1e-12); // same declination
        double raA = Math.toDegrees(Math.atan2(a.zenithIcrs()[1], a.zenithIcrs()[0]));
        double raB = Math.toDegrees(Math.atan2(b.zenithIcrs()[1], b.zenithIcrs()[0]));
        double drift = -5.0 * 92.6 / 1440;
        // the RA shift of a point on the orbit equals the node drift only on the equator; bound it
        assertTrue(Math.abs(Math.IEEEremainder(raB - raA, 360)) < 2 * Math.abs(drift), "RA shift " + (raB - raA));
    }

    @Test
    void sidereal_timeMatchesTheIauFormulaInHours() {
        // GMST (hours) = 6.697374558 + 0.06570982441908 D0 + 1.00273790935 H, D0 from J2000 to 0h UT
        double d0 = 2457308.5 - 2451545.0;
        double hours = 6.697374558 + 0.06570982441908 * d0 + 1.00273790935 * 5.5;
        double expected = Math.IEEEremainder(hours * 15, 360);
        double got = Math.IEEEremainder(Math.toDegrees(ORBIT.gmst(5.5 * 3600)), 360);
        assertEquals(expected, got, 1e-3);
    }

    @Test
    void longitudeAdvancesWestwardByTheEarthRotation() {
        // over one orbit the ground track shifts west by ~ 360 * P / (sidereal day) + node drift
        IssOrbit.State a = ORBIT.state(0);
        IssOrbit.State b = ORBIT.state(92.6 * 60);
        double shift = Math.IEEEremainder(b.longitudeDeg() - a.longitudeDeg(), 360);
        double expected = -360.98564736629 * 92.6 / 1440 - 5.0 * 92.6 / 1440;
        assertEquals(expected, shift, 1e-6);
    }

    @Test
    void shippedConfigurationHasTheBriefsDefaults() {
        ExposureModel m = ExposureTestModels.model("");
        assertEquals(64, m.nside());
        assertTrue(m.binning().size() >= 8);
        assertEquals(50, m.binning().lower(0), 1e-9);
        assertEquals(20000, m.binning().upper(m.binning().size() - 1), 1e-6);
        assertEquals(3368 * 2880L, m.period().steps());
        double g = 0;
        for (EventClass c : m.acceptance().classes()) {
            g += m.acceptance().geometricFactor(c, 1000);
        }
        assertTrue(g > 0.08 && g < 0.12, "total geometric factor " + g + " m^2 sr");
        // classes sharing edges add up to cos(theta) x peak inside the field of view
        LiveTimeModel live = m.liveTime();
        assertEquals(0.0, live.liveFraction(-30, -40));
        assertEquals(0.86, live.liveFraction(30, -40), 1e-12);
    }
}
