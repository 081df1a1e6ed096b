package org.cranisotropy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.cranisotropy.Golden;
import org.junit.jupiter.api.Test;

/** The Mollweide projection against closed-form points and the golden file of make_golden_mollweide.py. */
class MollweideProjectionTest {
    private static final double SQRT2 = Math.sqrt(2.0);

    @Test
    void closedFormPoints() {
        assertXy(0, 0, MollweideProjection.forward(0, 0));
        assertXy(0, SQRT2, MollweideProjection.forward(0, 90));
        assertXy(0, -SQRT2, MollweideProjection.forward(123, -90));
        // longitude increases to the left: l = 90 left of centre, l = 270 right, l = 180 on the (left) edge
        assertXy(-SQRT2, 0, MollweideProjection.forward(90, 0));
        assertXy(SQRT2, 0, MollweideProjection.forward(270, 0));
        assertXy(SQRT2, 0, MollweideProjection.forward(-90, 0));
        assertXy(-2 * SQRT2, 0, MollweideProjection.forward(180, 0));
        assertEquals(2 * SQRT2, MollweideProjection.forward(180.000001, 0)[0], 1e-6);
    }

    @Test
    void auxiliaryAngleSolvesItsEquation() {
        for (double b = -90; b <= 90; b += 0.5) {
            double t = MollweideProjection.auxiliaryAngle(b);
            assertEquals(Math.PI * Math.sin(Math.toRadians(b)), 2 * t + Math.sin(2 * t), 1e-13, "b = " + b);
        }
    }

    @Test
    void matchesTheGoldenFile() throws Exception {
        List<String> lines = Files.readAllLines(Golden.file("mollweide_golden.csv"));
        assertTrue(lines.size() > 10);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double l = Double.parseDouble(f[0]);
            double b = Double.parseDouble(f[1]);
            double[] xy = MollweideProjection.forward(l, b);
            assertEquals(Double.parseDouble(f[2]), xy[0], 1e-12, line);
            assertEquals(Double.parseDouble(f[3]), xy[1], 1e-12, line);
            if (Math.abs(b) < 89.99) {
                double[] lb = MollweideProjection.inverse(xy[0], xy[1]);
                double lw = ((l % 360) + 360) % 360;
                double dl = Math.abs(lb[0] - lw);
                assertTrue(Math.min(dl, 360 - dl) < 1e-7, line + " -> " + lb[0]);
                assertEquals(b, lb[1], 1e-9, line);
            }
        }
    }

    @Test
    void inverseOutsideTheEllipseIsNull() {
        assertNull(MollweideProjection.inverse(2.0, 1.2));
        assertNull(MollweideProjection.inverse(3.0, 0));
        double[] lb = MollweideProjection.inverse(0, 0);
        assertEquals(0, lb[0], 0);
        assertEquals(0, lb[1], 0);
    }

    private static void assertXy(double x, double y, double[] got) {
        assertEquals(x, got[0], 1e-14);
        assertEquals(y, got[1], 1e-14);
    }
}
