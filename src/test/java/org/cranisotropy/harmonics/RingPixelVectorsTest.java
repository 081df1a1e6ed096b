package org.cranisotropy.harmonics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cranisotropy.sky.HealpixGrid;
import org.cranisotropy.sky.Ordering;
import org.junit.jupiter.api.Test;

class RingPixelVectorsTest {
    /**
     * Ring codes against healpix-java: a pixel's code holds its ring (iring - 1 of pix2ring) and its
     * position in the ring, decoding the code gives back the pixel and its ring, codes are distinct and
     * below codes(), and the decoded ring and cos/sin(phi) make the pixel's unit vector (bit for bit: the
     * same table entries).
     */
    @Test
    void ringCodesAreRingAndPositionAndLeadBackToThePixel() throws Exception {
        for (int nside : new int[] {1, 2, 3, 8, 64}) {
            RingPixelVectors v = new RingPixelVectors(new RingGeometry(nside));
            healpix.essentials.HealpixBase base = new healpix.essentials.HealpixBase(nside,
                    healpix.essentials.Scheme.RING);
            int bits = 32 - Integer.numberOfLeadingZeros(4 * nside - 1);
            assertEquals(1 << (2 * bits), v.codes(), "Nside " + nside);
            boolean[] seen = new boolean[v.codes()];
            for (int p = 0; p < 12 * nside * nside; p++) {
                int c = v.code(p);
                int ring = (int) base.pix2ring(p) - 1;
                int first = p;
                while (first > 0 && base.pix2ring(first - 1) == ring + 1) {
                    first--;
                }
                assertEquals(ring, c >>> bits, "ring of pixel " + p + " at Nside " + nside);
                assertEquals(p - first, c & ((1 << bits) - 1), "position of pixel " + p + " at Nside " + nside);
                assertTrue(!seen[c], "code used twice");
                seen[c] = true;
                int[] pixel = new int[1];
                int[] ringOf = new int[1];
                double[] cos = new double[1];
                double[] sin = new double[1];
                v.decode(new int[] {c}, 1, pixel, ringOf, cos, sin);
                assertEquals(p, pixel[0], "Nside " + nside);
                assertEquals(ring, ringOf[0], "decoded ring, Nside " + nside);
                double[] a = new double[3];
                v.unitVector(p, a, 0);
                double st = v.sinTheta(ring);
                assertArrayEquals(a, new double[] {st * cos[0], st * sin[0], v.z(ring)}, 0.0);
            }
        }
    }

    @Test
    void mapsAreLaidOutByCodeWithZerosAtUnusedCodes() {
        RingPixelVectors v = new RingPixelVectors(new RingGeometry(4));
        double[] map = new double[12 * 16];
        for (int p = 0; p < map.length; p++) {
            map[p] = 1 + p;
        }
        double[] byCode = v.byCode(map);
        assertEquals(v.codes(), byCode.length);
        double sum = 0;
        for (int c = 0; c < byCode.length; c++) {
            sum += byCode[c];
        }
        assertEquals(map.length * (map.length + 1) / 2.0, sum);
        for (int p = 0; p < map.length; p++) {
            assertEquals(map[p], byCode[v.code(p)]);
        }
        assertThrows(IllegalArgumentException.class, () -> v.byCode(new double[10]));
    }

    @Test
    void unitVectorsMatchHealpixPixelCentres() {
        RingPixelVectors v = new RingPixelVectors(new RingGeometry(16));
        HealpixGrid grid = new HealpixGrid(16);
        for (int p = 0; p < v.npix(); p++) {
            double[] a = grid.pix2ang(p, Ordering.RING);
            double[] out = new double[3];
            v.unitVector(p, out, 0);
            assertArrayEquals(new double[] {Math.sin(a[0]) * Math.cos(a[1]), Math.sin(a[0]) * Math.sin(a[1]),
                Math.cos(a[0])}, out, 2e-15, "pixel " + p);
        }
    }
}
