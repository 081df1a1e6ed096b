package org.cranisotropy.sky;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.cranisotropy.Golden;
import org.junit.jupiter.api.Test;

/** ICRS to galactic and back against astropy (src/test/python/make_golden.py) to 2e-5 degrees. */
class GalacticFrameTest {
    private static final JsonNode GOLDEN = Golden.json("coords_golden.json");
    private static final double TOL_DEG = 2e-5;

    @Test
    void icrsToGalacticMatchesAstropy() {
        double worst = worst(GOLDEN.get("icrs_to_galactic"), true);
        System.out.printf("ICRS->galactic worst angular error vs astropy: %.2e deg%n", worst);
        assertTrue(worst < TOL_DEG, "worst " + worst);
    }

    @Test
    void galacticToIcrsMatchesAstropy() {
        double worst = worst(GOLDEN.get("galactic_to_icrs"), false);
        System.out.printf("galactic->ICRS worst angular error vs astropy: %.2e deg%n", worst);
        assertTrue(worst < TOL_DEG, "worst " + worst);
    }

    @Test
    void roundTripIsExactToRounding() {
        for (JsonNode row : GOLDEN.get("icrs_to_galactic")) {
            double[] g = GalacticFrame.fromIcrs(row.get(0).asDouble(), row.get(1).asDouble());
            double[] back = GalacticFrame.toIcrs(g[0], g[1]);
            assertTrue(separationDeg(back[0], back[1], row.get(0).asDouble(), row.get(1).asDouble()) < 1e-9);
        }
    }

    private static double worst(JsonNode rows, boolean toGalactic) {
        double worst = 0;
        for (JsonNode row : rows) {
            double[] r = toGalactic
                    ? GalacticFrame.fromIcrs(row.get(0).asDouble(), row.get(1).asDouble())
                    : GalacticFrame.toIcrs(row.get(0).asDouble(), row.get(1).asDouble());
            assertTrue(r[0] >= 0 && r[0] < 360, "longitude out of range: " + r[0]);
            worst = Math.max(worst, separationDeg(r[0], r[1], row.get(2).asDouble(), row.get(3).asDouble()));
        }
        return worst;
    }

    /** Great-circle separation (the longitude is meaningless at the poles, so compare directions). */
    static double separationDeg(double lon1, double lat1, double lon2, double lat2) {
        double[] a = GalacticFrame.unitVector(lon1, lat1);
        double[] b = GalacticFrame.unitVector(lon2, lat2);
        double cx = a[1] * b[2] - a[2] * b[1];
        double cy = a[2] * b[0] - a[0] * b[2];
        double cz = a[0] * b[1] - a[1] * b[0];
        double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        return Math.toDegrees(Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), dot));
    }
}
