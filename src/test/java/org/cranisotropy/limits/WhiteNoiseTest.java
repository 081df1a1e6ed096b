package org.cranisotropy.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WhiteNoiseTest {
    @Test
    void handComputedFourPixelMap() {
        // sum n/mu^2 = 4/4 + 9/9 + 0/1 + 2/16 = 2.125; N_pix = 4 -> 4 pi / 16 * 2.125
        double cn = WhiteNoise.level(new double[] {4, 9, 0, 2}, new double[] {2, 3, 1, 4});
        assertEquals(Math.PI * 2.125 / 4, cn, 1e-15);
    }

    @Test
    void poissonMapAtItsExpectationGivesFourPiOverNpixMu() {
        // n = mu everywhere: C_N = 4 pi / (N_pix mu)
        double[] n = new double[48];
        java.util.Arrays.fill(n, 250);
        assertEquals(4 * Math.PI / (48 * 250.0), WhiteNoise.level(n, n.clone()), 1e-18);
    }

    @Test
    void emptyUnexposedPixelsAreSkippedButCountInNpix() {
        double cn = WhiteNoise.level(new double[] {4, 0, 0}, new double[] {2, 0, 0});
        assertEquals(4 * Math.PI / 9 * 1.0, cn, 1e-15);
    }

    @Test
    void countsWithoutExposureNameThePixel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WhiteNoise.level(new double[] {1, 2, 3}, new double[] {1, 0, 1}));
        assertTrue(e.getMessage().contains("pixel 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> WhiteNoise.level(new double[] {1, -2}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("pixel 1") && e.getMessage().contains("-2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> WhiteNoise.level(new double[] {1, 2}, new double[] {Double.NaN, 1}));
        assertTrue(e.getMessage().contains("pixel 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WhiteNoise.level(new double[] {1}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> WhiteNoise.level(new double[0], new double[0]));
    }
}
