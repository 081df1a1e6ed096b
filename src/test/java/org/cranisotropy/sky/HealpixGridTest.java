package org.cranisotropy.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.cranisotropy.Golden;
import org.junit.jupiter.api.Test;

/**
 * ang2pix / pix2ang in RING and NESTED against healpy for Nside 1 .. 8192, including the poles,
 * the z = +-2/3 cap boundaries and phi next to 0 and 2 pi (src/test/python/make_golden.py).
 */
class HealpixGridTest {
    private static final JsonNode GOLDEN = Golden.json("pixels_golden.json");

    @Test
    void ang2pixMatchesHealpy() {
        int checked = 0;
        for (JsonNode g : GOLDEN.get("grids")) {
            HealpixGrid grid = new HealpixGrid(g.get("nside").asInt());
            for (JsonNode row : g.get("ang2pix")) {
                double theta = row.get(0).asDouble();
                double phi = row.get(1).asDouble();
                assertEquals(row.get(2).asLong(), grid.ang2pix(theta, phi, Ordering.RING),
                        "RING Nside " + grid.nside() + " theta " + theta + " phi " + phi);
                assertEquals(row.get(3).asLong(), grid.ang2pix(theta, phi, Ordering.NESTED),
                        "NESTED Nside " + grid.nside() + " theta " + theta + " phi " + phi);
                checked++;
            }
        }
        assertEquals(7 * (150 + 13 * 6), checked);
    }

    @Test
    void pix2angMatchesHealpy() {
        for (JsonNode g : GOLDEN.get("grids")) {
            HealpixGrid grid = new HealpixGrid(g.get("nside").asInt());
            for (String key : new String[] {"pix2ang_ring", "pix2ang_nest"}) {
                Ordering o = key.endsWith("ring") ? Ordering.RING : Ordering.NESTED;
                for (JsonNode row : g.get(key)) {
                    double[] a = grid.pix2ang(row.get(0).asLong(), o);
                    assertEquals(row.get(1).asDouble(), a[0], 1e-13, key + " Nside " + grid.nside());
                    assertEquals(row.get(2).asDouble(), a[1], 1e-13, key + " Nside " + grid.nside());
                }
            }
        }
    }

    @Test
    void nestAndRingNumberTheSamePixels() {
        HealpixGrid grid = new HealpixGrid(16);
        for (long p = 0; p < grid.npix(); p++) {
            assertEquals(p, grid.ring2nest(grid.nest2ring(p)));
        }
    }
}
