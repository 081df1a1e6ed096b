package org.cranisotropy.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.cranisotropy.sky.GalacticFrame;
import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.Ordering;
import org.junit.jupiter.api.Test;

/**
 * (i) The equatorial-declination profile of the exposure of a zenith-pointing detector on a circular
 * orbit, compared with an independent numerical integration.
 *
 * <p>For a circular orbit of inclination i the zenith declination obeys sin(dec_z) = sin i sin u
 * with u uniform in time, so its density is p(dec_z) = cos(dec_z) / (pi sqrt(sin^2 i - sin^2 dec_z))
 * on |dec_z| &lt; i. Averaged over right ascension (the ring average does not depend on how the zenith
 * RA is distributed, so any period with many orbits will do), the exposure at declination dec is
 * <pre>
 *   E(dec) = T_live * integral p(dec_z) d dec_z (1 / 2 pi) integral_0^2pi d alpha P(theta),
 *   cos theta = sin dec sin dec_z + cos dec cos dec_z cos alpha,
 * </pre>
 * P = sum_c P_c the polar acceptance (no SAA, constant dead time, no azimuthal term: a4 = 0). The
 * integrable singularity of p at +-i is removed by the substitution dec_z = asin(sin i sin u),
 * p d dec_z = du / pi, u in [-pi/2, pi/2]; both integrals by Gauss-Legendre quadrature (Commons
 * Math). Nothing of the orbit propagation, dwell histogram or projection code is used.
 *
 * <p>Tolerance: in 5-deg declination bands, computed and integrated band means agree to 0.5 % of the
 * maximum (dwell Nside 64, sky Nside 32, 73 days at 60 s; measured ~3e-4), for all classes together
 * (62 deg field of view: the profile peaks at the equator) and for class A alone (22 deg: it peaks
 * at |dec| ~ 40 deg, towards +-i where the zenith dwells longest). Runs in ~10 s.
 */
class DeclinationProfileTest {
    private static final double INCLINATION = Math.toRadians(51.64);

    @Test
    void declinationProfileMatchesTheIntegratedZenithDensity() {
        ExposureModel model = ExposureTestModels.model("""
                period { end = "2015-12-25T00:00:00Z", step-s = 60 }
                live-time.saa.enabled = false
                acceptance.azimuth-4fold = 0
                nside = 32
                dwell { nside = 64, azimuth-bins = 4 }
                """);
        DwellHistogram dwell = model.dwellBlocks(0, model.period().blocks());
        assertEquals(model.period().durationSeconds() * 0.86, dwell.liveSeconds(), 1e-3);
        ProjectedExposure projected = model.projection().project(dwell);
        int npix = 12 * model.nside() * model.nside();
        double[] total = new double[npix];
        for (EventClass c : model.acceptance().classes()) {
            double[] m = projected.geometricMap(c);
            for (int p = 0; p < npix; p++) {
                total[p] += m[p];
            }
        }
        DetectorAcceptance acc = model.acceptance();
        // all classes (62 deg field of view): the profile peaks at the equator
        Profile all = compare("all classes", model, total, dwell.liveSeconds(), acc, acc.classes().toArray(EventClass[]::new));
        // class A alone (22 deg field of view): the profile peaks off the equator, towards +-inclination
        Profile a = compare("class A", model, projected.geometricMap(EventClass.A), dwell.liveSeconds(), acc, EventClass.A);
        // (~40 deg: the 1/sqrt spike of the zenith density at +-i, smeared by the 20-deg window, which
        // reaches beyond i only on one side)
        assertTrue(a.argmaxDeg() >= 30 && a.argmaxDeg() <= 55, "class A maximum at |dec| " + a.argmaxDeg());
        assertTrue(all.argmaxDeg() < 10, "all-class maximum at |dec| " + all.argmaxDeg());
    }

    record Profile(double worst, double argmaxDeg) {}

    /** Band means of the computed map against the integrated profile; asserts agreement and symmetry. */
    private static Profile compare(String label, ExposureModel model, double[] map, double live, DetectorAcceptance acc,
            EventClass... classes) {
        int nside = model.nside();
        // the integrated profile on a 2-deg grid of dec >= 0 (it is symmetric), cubic spline in between
        double[] grid = new double[46];
        double[] value = new double[46];
        for (int d = 0; d < grid.length; d++) {
            grid[d] = Math.toRadians(2 * d);
            value[d] = live * meanPolarArea(acc, grid[d], classes);
        }
        PolynomialSplineFunction analytic = new SplineInterpolator().interpolate(grid, value);
        int bands = 36;
        double[] sumComputed = new double[bands];
        double[] sumAnalytic = new double[bands];
        int[] count = new int[bands];
        HealpixGrid g = new HealpixGrid(nside);
        for (int p = 0; p < map.length; p++) {
            double[] a = g.pix2ang(p, Ordering.RING);
            double[] eq = GalacticFrame.toIcrs(Math.toDegrees(a[1]), 90 - Math.toDegrees(a[0]));
            int band = Math.min(bands - 1, (int) ((eq[1] + 90) / 5));
            sumComputed[band] += map[p];
            sumAnalytic[band] += analytic.value(Math.toRadians(Math.abs(eq[1])));
            count[band]++;
        }
        double max = 0;
        for (double v : value) {
            max = Math.max(max, v);
        }
        double worst = 0;
        double[] computed = new double[bands];
        StringBuilder table = new StringBuilder(label + ": dec band, computed, integrated (m^2 s)\n");
        for (int b = 0; b < bands; b++) {
            computed[b] = sumComputed[b] / count[b];
            double expected = sumAnalytic[b] / count[b];
            worst = Math.max(worst, Math.abs(computed[b] - expected) / max);
            table.append(String.format("%+4d..%+4d %12.5g %12.5g%n", -90 + 5 * b, -85 + 5 * b, computed[b], expected));
        }
        System.out.print(table);
        assertTrue(worst < 0.005, label + ": worst band difference " + worst + " of the maximum\n" + table);
        for (int b = 0; b < bands / 2; b++) {
            assertEquals(computed[b], computed[bands - 1 - b], 0.005 * max, label + ": bands " + b + ", " + (bands - 1 - b));
        }
        int argmax = 0;
        for (int d = 0; d < grid.length; d++) {
            if (value[d] > value[argmax]) {
                argmax = d;
            }
        }
        int bandMax = 0;
        for (int b = 0; b < bands; b++) {
            if (computed[b] > computed[bandMax]) {
                bandMax = b;
            }
        }
        double bandCentre = Math.abs(-87.5 + 5 * bandMax);
        System.out.printf("%s: worst band difference %.3g of the maximum; maximum at |dec| = %d deg (integrated),"
                + " band centre %.1f deg (computed)%n", label, worst, 2 * argmax, bandCentre);
        assertEquals(2 * argmax, bandCentre, 5.0, label + ": position of the maximum");
        return new Profile(worst, 2 * argmax);
    }

    /**
     * (1/pi) int_{-pi/2}^{pi/2} du (1/2pi) int_0^{2pi} dalpha P(theta) with dec_z = asin(sin i sin u);
     * the alpha integrand is even, so 1/pi int_0^pi. The alpha integral is split where theta crosses
     * the class edges (theta_min/max +- w/2) and the field of view, so that every piece is smooth.
     */
    private static double meanPolarArea(DetectorAcceptance acc, double dec, EventClass... classes) {
        java.util.TreeSet<Double> edges = new java.util.TreeSet<>();
        double w = Math.toRadians(4.0);
        for (EventClass c : classes) {
            DetectorAcceptance.ClassAcceptance ca = acc.parameters(c);
            for (double e : new double[] {ca.thetaMinDeg(), ca.thetaMaxDeg()}) {
                edges.add(Math.toRadians(e) - w / 2);
                edges.add(Math.toRadians(e) + w / 2);
            }
        }
        org.apache.commons.math3.analysis.UnivariateFunction integrand = u -> {
            double decZ = Math.asin(Math.sin(INCLINATION) * Math.sin(u));
            double sd = Math.sin(dec) * Math.sin(decZ);
            double cd = Math.cos(dec) * Math.cos(decZ);
            java.util.TreeSet<Double> cuts = new java.util.TreeSet<>(java.util.List.of(0.0, Math.PI));
            for (double e : edges) {
                if (e > 0) {
                    double ca = (Math.cos(e) - sd) / cd;
                    if (ca > -1 && ca < 1) {
                        cuts.add(Math.acos(ca));
                    }
                }
            }
            double sum = 0;
            Double lo = null;
            for (double hi : cuts) {
                if (lo != null && hi > lo) {
                    IterativeLegendreGaussIntegrator inner = new IterativeLegendreGaussIntegrator(16, 1e-9, 1e-12, 1, 20);
                    sum += inner.integrate(1_000_000, alpha -> {
                        double theta = Math.acos(Math.max(-1, Math.min(1, sd + cd * Math.cos(alpha))));
                        double p = 0;
                        for (EventClass c : classes) {
                            p += acc.polarArea(c, theta);
                        }
                        return p;
                    }, lo, hi);
                }
                lo = hi;
            }
            return sum / Math.PI;
        };
        // outer: composite 16-point Gauss-Legendre on 48 panels of u
        int panels = 48;
        double total = 0;
        for (int k = 0; k < panels; k++) {
            double a = -Math.PI / 2 + Math.PI * k / panels;
            double b = -Math.PI / 2 + Math.PI * (k + 1) / panels;
            total += new org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory()
                    .legendre(16, a, b).integrate(integrand);
        }
        return total / Math.PI;
    }
}
