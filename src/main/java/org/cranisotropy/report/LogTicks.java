package org.cranisotropy.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a logarithmic axis is labelled, and how, the same on every figure: at 1, 2, 3 and 5 x 10^k when the
 * axis spans at most about one decade, at 1, 2 and 5 x 10^k up to three decades, at the decades beyond (every
 * second or third decade past seven); unlabelled minor ticks at the other integers m x 10^k up to seven
 * decades. Labels are plain numbers (0.002, 50, 2000) from 0.001 to 99 999, and powers of ten (10⁻⁵, 2×10⁻⁵)
 * outside, so that no label has more than four zeros.
 */
public final class LogTicks {
    private LogTicks() {}

    /** One tick: its value and label (empty for a minor tick). */
    public record Tick(double value, String label) {
        public boolean major() {
            return !label.isEmpty();
        }
    }

    /** The ticks within [lo, hi] (both &gt; 0), in increasing order. */
    public static List<Tick> between(double lo, double hi) {
        if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("a log axis needs 0 < lo < hi < infinity, got " + lo + " .. " + hi);
        }
        double span = Math.log10(hi / lo);
        int[] labelled = span <= 1.2 ? new int[] {1, 2, 3, 5} : span <= 3.5 ? new int[] {1, 2, 5} : new int[] {1};
        int decadeStep = span <= 7.5 ? 1 : (int) Math.ceil(span / 7.0);
        boolean minor = span <= 7.5;
        int k0 = (int) Math.floor(Math.log10(lo)) - 1;
        int k1 = (int) Math.ceil(Math.log10(hi)) + 1;
        List<Tick> ticks = new ArrayList<>();
        for (int k = k0; k <= k1; k++) {
            for (int m = 1; m <= 9; m++) {
                double v = m * Math.pow(10, k);
                if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9)) {
                    continue;
                }
                boolean major = contains(labelled, m) && Math.floorMod(k, decadeStep) == 0;
                if (major) {
                    ticks.add(new Tick(v, label(m, k)));
                } else if (minor) {
                    ticks.add(new Tick(v, ""));
                }
            }
        }
        return ticks;
    }

    /** The label of m x 10^k: a plain number from 0.001 to 99 999, else a power of ten. */
    public static String label(int m, int k) {
        if (k >= -3 && k <= 4) {
            return BigDecimal.valueOf(m).scaleByPowerOfTen(k).stripTrailingZeros().toPlainString();
        }
        return m == 1 ? power(k) : m + "\u00d7" + power(k);
    }

    /** 10^k written with superscript digits, e.g. 10⁻⁵. */
    public static String power(int k) {
        return "10" + superscript(k);
    }

    private static String superscript(int k) {
        String digits = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
        StringBuilder s = new StringBuilder(k < 0 ? "\u207b" : "");
        for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
            s.append(digits.charAt(c - '0'));
        }
        return s.toString();
    }

    private static boolean contains(int[] values, int m) {
        for (int v : values) {
            if (v == m) {
                return true;
            }
        }
        return false;
    }
}
