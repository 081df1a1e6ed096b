package org.cranisotropy.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.cranisotropy.harmonics.RingPixelVectors;
import org.junit.jupiter.api.Test;

class LowMultipolesTest {
    /** The Monte Carlo's block sum is bit-identical to adding the same events one at a time. */
    @Test
    void blockSumEqualsEventByEventSumBitForBit() {
        LowMultipoles ylm = new LowMultipoles(16);
        RingPixelVectors v = ylm.vectors();
        SplittableRandom r = new SplittableRandom(3);
        double[] c1 = new double[LowMultipoles.STRIDE];
        double[] r1 = new double[LowMultipoles.STRIDE];
        double[] c2 = new double[LowMultipoles.STRIDE];
        double[] r2 = new double[LowMultipoles.STRIDE];
        for (int block = 0; block < 5; block++) {
            int count = 1 + r.nextInt(300);
            int[] codes = new int[count];
            double[] w = new double[count];
            for (int j = 0; j < count; j++) {
                int p = r.nextInt(12 * 16 * 16);
                codes[j] = v.code(p);
                w[j] = 1.0 / (0.1 + r.nextDouble());
                ylm.addWeightedAndRaw(c1, r1, p, w[j]);
            }
            int[] pixels = new int[count];
            int[] rings = new int[count];
            double[] cos = new double[count];
            double[] sin = new double[count];
            v.decode(codes, count, pixels, rings, cos, sin);
            ylm.addBlock(c2, r2, rings, cos, sin, w, count);
            assertArrayEquals(c1, c2, 0.0, "corrected after block " + block);
            assertArrayEquals(r1, r2, 0.0, "raw after block " + block);
        }
    }

    /**
     * One event adds w (4 pi / N_pix) conj(Y_lm) at its pixel centre: the per-ring factorisation
     * against the closed-form Y_lm as polynomials in the unit vector (x + i y)^m, at the centres of
     * healpix-java's pix2ang, for every pixel, to 2e-15 of the row's scale (the terms are O(1); zeros of Y_lm are
     * rounding-level).
     */
    @Test
    void eachPixelAddsTheClosedFormConjugateYlm() {
        for (int nside : new int[] {1, 2, 16}) {
            LowMultipoles ylm = new LowMultipoles(nside);
            org.cranisotropy.sky.HealpixGrid grid = new org.cranisotropy.sky.HealpixGrid(nside);
            int npix = 12 * nside * nside;
            double c = 4 * Math.PI / npix;
            for (int p = 0; p < npix; p++) {
                double[] a = grid.pix2ang(p, org.cranisotropy.sky.Ordering.RING);
                double x = Math.sin(a[0]) * Math.cos(a[1]);
                double y = Math.sin(a[0]) * Math.sin(a[1]);
                double z = Math.cos(a[0]);
                double w = 0.5 + p % 7;
                double[] corrected = new double[LowMultipoles.STRIDE];
                double[] raw = new double[LowMultipoles.STRIDE];
                ylm.addWeightedAndRaw(corrected, raw, p, w);
                double[] expected = closedFormRow(x, y, z);
                for (int k = 0; k < expected.length; k++) {
                    assertEquals(c * expected[k], raw[k], 2e-15 * c, "Nside " + nside + " pixel " + p + " term " + k);
                    assertEquals(w * c * expected[k], corrected[k], 2e-15 * c * w, "weighted, pixel " + p + " term " + k);
                }
            }
        }
    }

    /** conj(Y_lm(x, y, z)) in accumulator order: Re, Im of (l, m) = 00, 10, 20, 30, 11, 21, 31, 22, 32, 33. */
    private static double[] closedFormRow(double x, double y, double z) {
        double pi = Math.PI;
        double[][] ylm = {
            {Math.sqrt(1 / (4 * pi)), 0},
            {Math.sqrt(3 / (4 * pi)) * z, 0},
            {Math.sqrt(5 / (16 * pi)) * (3 * z * z - 1), 0},
            {Math.sqrt(7 / (16 * pi)) * (5 * z * z * z - 3 * z), 0},
            scale(-Math.sqrt(3 / (8 * pi)), x, y),
            scale(-Math.sqrt(15 / (8 * pi)) * z, x, y),
            scale(-Math.sqrt(21 / (64 * pi)) * (5 * z * z - 1), x, y),
            scale(Math.sqrt(15 / (32 * pi)), x * x - y * y, 2 * x * y),
            scale(Math.sqrt(105 / (32 * pi)) * z, x * x - y * y, 2 * x * y),
            scale(-Math.sqrt(35 / (64 * pi)), x * x * x - 3 * x * y * y, 3 * x * x * y - y * y * y),
        };
        double[] row = new double[2 * ylm.length];
        for (int i = 0; i < ylm.length; i++) {
            row[2 * i] = ylm[i][0];
            row[2 * i + 1] = -ylm[i][1]; // conjugate
        }
        return row;
    }

    private static double[] scale(double f, double re, double im) {
        return new double[] {f * re, f * im};
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
