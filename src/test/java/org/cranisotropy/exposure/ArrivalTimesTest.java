package org.cranisotropy.exposure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.cranisotropy.random.RandomStreams;
import org.cranisotropy.sky.GalacticFrame;
import org.junit.jupiter.api.Test;

/**
 * Arrival times drawn for given directions: (time, zenith, azimuth) give back the direction through the
 * orbit, and events of an isotropic sky get the zenith angles the acceptance implies.
 */
class ArrivalTimesTest {
    private static final ExposureModel MODEL = ExposureTestModels.model("");

    /** Recomputing (l, b) from the stored time, zenith angle and azimuth gives the event's own direction. */
    @Test
    void timeZenithAndAzimuthGiveBackTheDirection() {
        int n = 3000;
        UniformRandomProvider rng = RandomStreams.stream(7, 0);
        double[] l = new double[n];
        double[] b = new double[n];
        EventClass[] c = new EventClass[n];
        for (int i = 0; i < n; i++) {
            double dec;
            double ra;
            do { // isotropic, where every class sees (|dec| < 65 deg: the zenith reaches 51.6 deg)
                dec = Math.toDegrees(Math.asin(2 * rng.nextDouble() - 1));
                ra = 360 * rng.nextDouble();
            } while (Math.abs(dec) > 65);
            double[] lb = GalacticFrame.fromIcrs(ra, dec);
            l[i] = lb[0];
            b[i] = lb[1];
            c[i] = EventClass.values()[i % 4];
        }
        ArrivalTimes times = new ArrivalTimes(MODEL);
        ArrivalTimes.Observations o = times.draw(l, b, c, 11);
        double start = InstrumentFrame.mjd(MODEL.period().start());
        double end = InstrumentFrame.mjd(MODEL.period().end());
        double worst = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(o.timeMjd()[i] >= start && o.timeMjd()[i] < end, "time " + o.timeMjd()[i]);
            double fov = Math.toDegrees(MODEL.acceptance().fieldOfViewRad());
            assertTrue(o.zenithDeg()[i] >= 0 && o.zenithDeg()[i] < fov, "zenith " + o.zenithDeg()[i]);
            assertTrue(o.azimuthDeg()[i] >= 0 && o.azimuthDeg()[i] < 360, "azimuth " + o.azimuthDeg()[i]);
            double[] v = times.frame().galacticDirection(o.timeMjd()[i], o.zenithDeg()[i], o.azimuthDeg()[i]);
            double[] lb = GalacticFrame.lonLat(v[0], v[1], v[2]);
            double[] u = GalacticFrame.unitVector(l[i], b[i]);
            double[] w = GalacticFrame.unitVector(lb[0], lb[1]);
            double cross = Math.hypot(Math.hypot(u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2]),
                    u[0] * w[1] - u[1] * w[0]);
            worst = Math.max(worst, Math.toDegrees(Math.atan2(cross, u[0] * w[0] + u[1] * w[1] + u[2] * w[2])));
        }
        assertTrue(worst < 1e-9, "largest angle between the event and its recomputed direction: " + worst + " deg");
        // the zenith angle is measured from the zenith the orbit gives at that time (independent of InstrumentFrame)
        for (int i = 0; i < 50; i++) {
            IssOrbit.State s = MODEL.orbit().state((o.timeMjd()[i] - InstrumentFrame.mjd(MODEL.orbit().epoch())) * 86400);
            double[] z = s.zenithGalactic();
            double[] u = GalacticFrame.unitVector(l[i], b[i]);
            assertEquals(Math.cos(Math.toRadians(o.zenithDeg()[i])), u[0] * z[0] + u[1] * z[1] + u[2] * z[2], 1e-9);
        }
        // the same seed gives the same times; another seed others
        assertArrayEquals(o.timeMjd(), times.draw(l, b, c, 11).timeMjd());
        assertTrue(o.timeMjd()[0] != times.draw(l, b, c, 12).timeMjd()[0]);
    }

    /**
     * Events of an isotropic sky made forward (time uniform outside the SAA, (theta, psi) from the acceptance,
     * the direction from the orbit at that time) and then given new times by ArrivalTimes: their zenith
     * angles follow cos(theta) W_c(theta) sin(theta), the class window W_c written out here from the
     * reference.conf numbers (chi-square in 30 bins, p &gt; 0.001). Times drawn without the acceptance
     * (uniform among the times the direction is in the field of view) fail this.
     */
    @Test
    void zenithAnglesFollowTheAcceptanceOnAnIsotropicSky() {
        ArrivalTimes times = new ArrivalTimes(MODEL);
        for (EventClass cls : new EventClass[] {EventClass.A, EventClass.D}) {
            double thetaMin = cls == EventClass.A ? 0 : 45;
            double thetaMax = cls == EventClass.A ? 20 : 60;
            int n = 20000;
            double[] l = new double[n];
            double[] b = new double[n];
            EventClass[] c = new EventClass[n];
            UniformRandomProvider rng = RandomStreams.stream(3, cls.ordinal());
            double start = InstrumentFrame.mjd(MODEL.period().start());
            double days = MODEL.period().durationSeconds() / 86400;
            double epoch = InstrumentFrame.mjd(MODEL.orbit().epoch());
            for (int i = 0; i < n; i++) {
                IssOrbit.State s;
                do {
                    s = MODEL.orbit().state((start + rng.nextDouble() * days - epoch) * 86400);
                } while (MODEL.liveTime().inSaa(s.latitudeDeg(), s.longitudeDeg()));
                double theta;
                do {
                    theta = Math.toRadians(64) * rng.nextDouble();
                } while (rng.nextDouble() > density(theta, thetaMin, thetaMax));
                double psi;
                do {
                    psi = 2 * Math.PI * rng.nextDouble();
                } while (rng.nextDouble() * 1.05 > 1 + 0.05 * Math.pow(Math.sin(theta), 2) * Math.cos(4 * psi));
                double[] z = s.zenithGalactic();
                double[] f = s.flightGalactic();
                double[] y = {z[1] * f[2] - z[2] * f[1], z[2] * f[0] - z[0] * f[2], z[0] * f[1] - z[1] * f[0]};
                double st = Math.sin(theta);
                double[] v = new double[3];
                for (int k = 0; k < 3; k++) {
                    v[k] = st * Math.cos(psi) * f[k] + st * Math.sin(psi) * y[k] + Math.cos(theta) * z[k];
                }
                double[] lb = GalacticFrame.lonLat(v[0], v[1], v[2]);
                l[i] = lb[0];
                b[i] = lb[1];
                c[i] = cls;
            }
            ArrivalTimes.Observations o = times.draw(l, b, c, 5);
            int bins = 30;
            double top = thetaMax + 2;
            double bottom = Math.max(0, thetaMin - 2);
            long[] counts = new long[bins];
            for (double z : o.zenithDeg()) {
                assertTrue(z > bottom && z < top, "zenith " + z + " outside the window of class " + cls);
                counts[Math.min(bins - 1, (int) ((z - bottom) / (top - bottom) * bins))]++;
            }
            double[] expected = new double[bins];
            double total = 0;
            for (int k = 0; k < bins; k++) { // Simpson on each bin
                double a = Math.toRadians(bottom + (top - bottom) * k / bins);
                double e = Math.toRadians(bottom + (top - bottom) * (k + 1) / bins);
                int m = 64;
                double sum = 0;
                for (int j = 0; j <= m; j++) {
                    double t = a + (e - a) * j / m;
                    sum += (j == 0 || j == m ? 1 : j % 2 == 1 ? 4 : 2) * density(t, thetaMin, thetaMax);
                }
                expected[k] = sum * (e - a) / (3 * m);
                total += expected[k];
            }
            double chi2 = 0;
            for (int k = 0; k < bins; k++) {
                double mu = n * expected[k] / total;
                chi2 += (counts[k] - mu) * (counts[k] - mu) / mu;
            }
            double p = ChiSquaredDistribution.of(bins - 1).survivalProbability(chi2);
            assertTrue(p > 1e-3, "class " + cls + ": zenith angles against the acceptance: chi2 " + chi2 + ", p " + p);
        }
    }

    /** cos(theta) W(theta) sin(theta), W the raised-sine window of full edge width 4 deg (at most 1). */
    private static double density(double theta, double thetaMinDeg, double thetaMaxDeg) {
        double deg = Math.toDegrees(theta);
        double w = edge(thetaMaxDeg - deg) * (thetaMinDeg > 0 ? edge(deg - thetaMinDeg) : 1);
        return Math.cos(theta) * w * Math.sin(theta);
    }

    private static double edge(double x) {
        return x <= -2 ? 0 : x >= 2 ? 1 : 0.5 * (1 + Math.sin(Math.PI * x / 4));
    }
}
