package org.cranisotropy.report;

import java.awt.Color;

/**
 * A linear colour scale from {@code min} to {@code max}: sequential (dark violet to yellow, in the manner of
 * viridis) or diverging (blue, white at the midpoint, red). Values outside are clamped; NaN is grey.
 */
public record ColourScale(double min, double max, boolean diverging, String label) {
    private static final int[] SEQUENTIAL = {0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d, 0x27ad81, 0x5cc863,
        0xaadc32, 0xfde725};
    private static final int[] DIVERGING = {0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582,
        0xd6604d, 0xb2182b};
    static final Color NAN = new Color(0xbb, 0xbb, 0xbb);

    public ColourScale {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            // a constant map: widen so that the scale is drawable
            double c = Double.isFinite(min) ? min : 0;
            min = c - 0.5;
            max = c + 0.5;
        }
    }

    /** A diverging scale symmetric about {@code centre} covering [lo, hi]. */
    public static ColourScale divergingAround(double centre, double lo, double hi, String label) {
        double half = Math.max(Math.abs(hi - centre), Math.abs(centre - lo));
        if (!(half > 0)) {
            half = 1e-3;
        }
        return new ColourScale(centre - half, centre + half, true, label);
    }

    public Color colour(double v) {
        if (Double.isNaN(v)) {
            return NAN;
        }
        double t = Math.max(0, Math.min(1, (v - min) / (max - min)));
        int[] stops = diverging ? DIVERGING : SEQUENTIAL;
        double x = t * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) Math.floor(x));
        double f = x - k;
        int a = stops[k];
        int b = stops[k + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }
}
