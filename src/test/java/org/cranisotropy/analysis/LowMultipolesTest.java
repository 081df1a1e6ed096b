package org.cranisotropy.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LowMultipolesTest {
    /** The Monte Carlo's block sum is bit-identical to adding the same events one at a time. */
    @Test
    void blockSumEqualsEventByEventSumBitForBit() {
        LowMultipoles ylm = new LowMultipoles(16);
        SplittableRandom r = new SplittableRandom(3);
        double[] c1 = new double[LowMultipoles.STRIDE];
        double[] r1 = new double[LowMultipoles.STRIDE];
        double[] c2 = new double[LowMultipoles.STRIDE];
        double[] r2 = new double[LowMultipoles.STRIDE];
        for (int block = 0; block < 5; block++) {
            int count = 1 + r.nextInt(300);
            double[] xyzw = new double[4 * count];
            for (int j = 0; j < count; j++) {
                int p = r.nextInt(12 * 16 * 16);
                double[] n = ylm.unitVector(p);
                double w = 1.0 / (0.1 + r.nextDouble());
                System.arraycopy(n, 0, xyzw, 4 * j, 3);
                xyzw[4 * j + 3] = w;
                ylm.addWeightedAndRaw(c1, r1, p, w);
            }
            ylm.addBlock(c2, r2, xyzw, count);
            assertArrayEquals(c1, c2, 0.0, "corrected after block " + block);
            assertArrayEquals(r1, r2, 0.0, "raw after block " + block);
        }
    }

    /**
     * The per-ring tables give the pixel centres of healpix-java's pix2ang (itself checked against
     * healpy's goldens in HealpixGridTest), to 2e-15.
     */
    @Test
    void ringTablesGiveThePixelCentres() {
        for (int nside : new int[] {1, 2, 8, 64, 128}) {
            LowMultipoles ylm = new LowMultipoles(nside);
            org.cranisotropy.sky.HealpixGrid grid = new org.cranisotropy.sky.HealpixGrid(nside);
            for (int p = 0; p < 12 * nside * nside; p++) {
                double[] a = grid.pix2ang(p, org.cranisotropy.sky.Ordering.RING);
                double[] expected = {Math.sin(a[0]) * Math.cos(a[1]), Math.sin(a[0]) * Math.sin(a[1]), Math.cos(a[0])};
                assertArrayEquals(expected, ylm.unitVector(p), 2e-15, "Nside " + nside + " pixel " + p);
            }
        }
    }
}
